import Foundation

/// The trained stage-1 model: one logistic-regression head per label over hashed features
/// (``FeatureHasher``), stored as half-precision weights, and optionally an ``IntentNetwork`` over
/// token vectors whose logits join the deciding heads'.
///
/// A head's score is the probability its label applies. Each head carries its decision threshold
/// (calibrated on training data for a target false-positive rate) and the lower edge of the band
/// of scores that escalate to stage 2.
public struct Stage1Model: Sendable {
    public struct Head: Codable, Sendable, Hashable {
        /// `harmful`, `attack`, `injection`, a constitution category id, or `output_harmful`.
        public var name: String
        public var bias: Float
        /// Scores at or above it trip the head.
        public var threshold: Float
        /// Scores at or above it, but below ``threshold``, are uncertain: stage 2 decides.
        public var escalateAbove: Float
    }

    /// What the model file says about itself.
    public struct Header: Codable, Sendable {
        public var format: Int
        /// Content hash of the weights and heads, lower-case hex (the model's identity).
        public var version: String
        public var bucketBits: Int
        public var heads: [Head]
        /// The constitution the model was trained with (its content hash).
        public var constitutionHash: String
        /// How the model was made: the command, the data files and their digests, the seed.
        public var provenance: [String: String]
        /// The intent network's shape and token table, when the model has one (its parameters
        /// follow the hashed-feature weights in the file, as Float32).
        public var intent: IntentNetwork.Spec?
        /// What the output head reads besides the answer's n-grams. Set: stage 1's harm score of
        /// the answer, and all of it once more when the request's `harmful` or `attack` probability
        /// is at least this (``ExchangeFeatures``). Nil (models written before it): the prompt's
        /// n-grams, which memorised the data's attack prompts instead of judging the answer
        /// (docs/guard.md).
        public var outputGate: Float?
        /// How the output head reads stage 1's harm score of an answer. Nil (models written before
        /// it): ``HarmMarkerEncoding/bins``.
        public var harmMarker: HarmMarkerEncoding?

        /// The encoding the output head was trained with: ``harmMarker``, or the bins of the models before it.
        var outputHarmMarker: HarmMarkerEncoding { harmMarker ?? .bins }
    }

    public var header: Header
    /// Bucket-major: the weights of bucket b are `weights[b * heads.count ..< (b + 1) * heads.count]`.
    var weights: [Float]
    /// The second feature family, with the token table it reads (both or neither).
    var intent: (network: IntentNetwork, embeddings: TokenEmbeddings)?

    static let magic = Data("RAMPART-STAGE1\n".utf8)

    /// The heads that decide: an input is flagged or blocked when one of them reaches its
    /// threshold. The other heads name the harm (the constitution's content categories) or judge
    /// answers (`output_harmful`); they never decide about an input.
    public static let decidingHeads = ["harmful", "attack", "injection"]

    /// The lowest threshold calibration gives a deciding head: even odds. Calibration raises a
    /// threshold where benign traffic scores high; it never makes a score the head itself finds
    /// unlikely into an alarm, which a small or easy benign sample would otherwise do.
    public static let minimumThreshold: Float = 0.5

    /// The feature scheme this build hashes with (``FeatureHasher``); a file made with another
    /// cannot be scored. 2: byte-level hashing with fmix64 (format 1 hashed per scalar with FNV-1a).
    public static let format = 2

    var hasher: FeatureHasher { FeatureHasher(bucketBits: header.bucketBits) }

    /// Each head's probability for a bag of features.
    func scores(_ features: [Int32]) -> [Float] {
        var sums = [Float](repeating: 0, count: header.heads.count)
        addWeights(of: features, to: &sums)
        return probabilities(sums: sums, count: features.count)
    }

    /// Adds each head's weights for `features` to `sums`: scores are linear up to the sigmoid, so
    /// a text's sums are the sums of its parts'.
    func addWeights(of features: [Int32], to sums: inout [Float]) {
        HeadTable.addRows(of: features, in: weights, width: header.heads.count, to: &sums)
    }

    /// Each head's probability from its summed weights over `count` features.
    func probabilities(sums: [Float], count: Int) -> [Float] {
        guard count > 0 else { return header.heads.map { Self.sigmoid($0.bias) } }
        let scale = 1 / Float(count).squareRoot()
        return (0..<header.heads.count).map { Self.sigmoid(sums[$0] * scale + header.heads[$0].bias) }
    }

    static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

    /// The model as stored (``GuardFileFormat``): magic, header length, JSON header, Float16 weights,
    /// then the intent network's Float32 parameters.
    public func serialized() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let header = try encoder.encode(header)
        var data = Self.magic
        var length = UInt32(header.count).littleEndian
        data.append(Data(bytes: &length, count: 4))
        data.append(header)
        var halves = weights.map { Float16($0).bitPattern.littleEndian }
        data.append(Data(bytes: &halves, count: halves.count * 2))
        if let network = intent?.network {
            var words = network.parameters.map { $0.bitPattern.littleEndian }
            data.append(Data(bytes: &words, count: words.count * 4))
        }
        return data
    }

    /// Reads a model written by ``serialized()``. A model with an intent network needs the token
    /// table it was trained on to be the bundled one.
    public init(data: Data) throws(ModelError) {
        let (headerBytes, offset) = try GuardFileFormat.header(of: data, magic: Self.magic,
                                                               wrongMagic: "not a Rampart stage-1 model (bad magic); run `rampart guard train`",
                                                               truncated: "the model file is truncated (header)")
        do {
            header = try JSONDecoder().decode(Header.self, from: headerBytes)
        } catch {
            throw ModelError(message: "the model header is unreadable: \(error)")
        }
        guard header.format == Self.format else {
            throw ModelError(message: "the model file is format \(header.format), this Rampart reads format \(Self.format) (its features are hashed differently); retrain it with `rampart guard train`")
        }
        let count = (1 << header.bucketBits) * header.heads.count
        let intentCount = header.intent?.parameterCount ?? 0
        guard data.count == offset + count * 2 + intentCount * 4 else {
            throw ModelError(message: "the model file has \(data.count - offset) weight bytes, expected \(count * 2 + intentCount * 4) (format \(header.format))")
        }
        weights = GuardFileFormat.halves(in: data, from: offset, count: count)
        if let spec = header.intent {
            guard spec.hidden > 0, spec.hidden % 8 == 0, spec.inputs > 0 else {
                throw ModelError(message: "the model's intent network has \(spec.hidden) hidden units; a multiple of 8 is needed")
            }
            let table = try TokenEmbeddings.bundled()
            guard table.digest == spec.embeddings, table.dimensions == spec.inputs else {
                throw ModelError(message: "the model was trained with token table \(spec.embeddings), this Rampart has \(table.digest); retrain it with `rampart guard train`")
            }
            var parameters = [Float](repeating: 0, count: intentCount)
            data[(offset + count * 2)...].withUnsafeBytes { raw in
                for index in 0..<intentCount {
                    let bits = (0..<4).reduce(UInt32(0)) { $0 | (UInt32(raw[4 * index + $1]) << (8 * $1)) }
                    parameters[index] = Float(bitPattern: bits)
                }
            }
            intent = (IntentNetwork(spec: spec, parameters: parameters), table)
        }
    }

    init(header: Header, weights: [Float]) {
        self.header = header
        self.weights = weights
    }
}

/// A stage-1 model could not be read.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
