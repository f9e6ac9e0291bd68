import Foundation

/// A fixed vector for each WordPiece token, distilled from a sentence encoder
/// (`training/embeddings/distill.py`: all-MiniLM-L6-v2, each token run through the encoder on its
/// own, reduced to 128 dimensions). A text's vector is the sum of its tokens' vectors; texts that
/// mean similar things get similar vectors even when they share no words, which is what the
/// ``IntentNetwork`` reads.
///
/// The table is an input to training, not trained by Rampart: the model records its ``digest``,
/// and a model trained with another table is refused. Immutable and safe to share.
public struct TokenEmbeddings: Sendable {
    public let dimensions: Int
    /// Short content hash of the vocabulary and vectors, as written by the distillation script.
    public let digest: String
    private let vectors: [Float]
    let wordPiece: WordPiece

    static let magic = Data("RAMPART-EMBED\n".utf8)

    private struct Header: Decodable {
        var format: Int
        var tokens: Int
        var dimensions: Int
        var vocabularyBytes: Int
        var digest: String
    }

    /// Reads a table written by `training/embeddings/distill.py` (``GuardFileFormat``): magic, header
    /// length, JSON header, the vocabulary (one token per line), then tokens × dimensions Float16 values.
    public init(data: Data) throws(ModelError) {
        let unreadable = "the token-embedding table's header is unreadable or of an unknown format"
        let (headerBytes, body) = try GuardFileFormat.header(of: data, magic: Self.magic,
                                                             wrongMagic: "not a Rampart token-embedding table (bad magic)", truncated: unreadable)
        guard let header = try? JSONDecoder().decode(Header.self, from: headerBytes), header.format == 1 else {
            throw ModelError(message: unreadable)
        }
        var offset = body
        let count = header.tokens * header.dimensions
        guard data.count == offset + header.vocabularyBytes + count * 2,
              let words = String(data: data[offset..<offset + header.vocabularyBytes], encoding: .utf8) else {
            throw ModelError(message: "the token-embedding table is truncated or damaged")
        }
        let vocabulary = words.split(separator: "\n", omittingEmptySubsequences: false)
        guard vocabulary.count == header.tokens else {
            throw ModelError(message: "the token-embedding table lists \(vocabulary.count) tokens, its header says \(header.tokens)")
        }
        offset += header.vocabularyBytes
        guard header.dimensions > 0, header.dimensions % 8 == 0 else {
            throw ModelError(message: "the token-embedding table has \(header.dimensions) dimensions; a multiple of 8 is needed")
        }
        vectors = GuardFileFormat.halves(in: data, from: offset, count: count)
        dimensions = header.dimensions
        digest = header.digest
        wordPiece = WordPiece(vocabulary: vocabulary)
    }

    /// The table shipped with Rampart (`Resources/wordpiece.embeddings`), loaded once per process.
    public static func bundled() throws(ModelError) -> TokenEmbeddings {
        try bundledTable.get()
    }

    private static let bundledTable = Result { () throws(ModelError) -> TokenEmbeddings in
        guard let url = Bundle.module.url(forResource: "wordpiece", withExtension: "embeddings"), let data = try? Data(contentsOf: url) else {
            throw ModelError(message: "the bundled token-embedding table is missing; keep the rampart_RampartGuard.resources folder next to the binary")
        }
        return try TokenEmbeddings(data: data)
    }

    /// Adds the vectors of the tokens in `text`'s first `maxBytes` bytes to `sum`, which holds
    /// ``dimensions`` values, and returns how many tokens there were.
    @discardableResult
    func add<Text: StringProtocol>(_ text: Text, maxBytes: Int, to sum: inout [Float]) -> Int {
        var count = 0
        let lanes = dimensions / 8
        let rowBytes = dimensions * 4
        vectors.withUnsafeBytes { table in
            sum.withUnsafeMutableBytes { sum in
                let rows = table.baseAddress!
                let total = sum.baseAddress!
                wordPiece.tokens(of: text, maxBytes: maxBytes) { id in
                    let row = Int(id) &* rowBytes
                    for lane in 0..<lanes {
                        let added = total.loadUnaligned(fromByteOffset: lane &* 32, as: SIMD8<Float>.self)
                            + rows.loadUnaligned(fromByteOffset: row &+ lane &* 32, as: SIMD8<Float>.self)
                        total.storeBytes(of: added, toByteOffset: lane &* 32, as: SIMD8<Float>.self)
                    }
                    count += 1
                }
            }
        }
        return count
    }

    /// The vector of `text` (its first `maxBytes` bytes): the sum of its tokens' vectors.
    func vector<Text: StringProtocol>(of text: Text, maxBytes: Int) -> [Float] {
        var sum = [Float](repeating: 0, count: dimensions)
        add(text, maxBytes: maxBytes, to: &sum)
        return sum
    }
}
