import Foundation

/// BERT's uncased WordPiece tokenisation, over UTF-8 bytes, for looking up token vectors
/// (``TokenEmbeddings``).
///
/// Words are split at whitespace and control characters; every punctuation mark and CJK ideograph
/// is a word of its own; letters are lower-cased and accents dropped; each word is then cut into
/// the longest vocabulary pieces from the left ("unaffable" → "una", "##ffa", "##ble"), and a word
/// that cannot be cut, or is longer than ``maxWordBytes``, is the unknown token. This follows
/// BERT's `BasicTokenizer` and `WordpieceTokenizer` closely enough for vector lookup; it is not a
/// drop-in replacement for them (Unicode categories are judged per scalar without a full NFD pass
/// over ASCII, which has no accents).
///
/// Vocabulary entries are found by their 64-bit FNV-1a hash (a continuation piece hashes as
/// "##" + piece) in an open-addressing table of 8-byte entries (the hash's top 32 bits beside the
/// id, so that a probe reads one cache line): no strings are built while tokenising. A string
/// outside the vocabulary matches an entry only if 48 bits of its hash collide with it.
struct WordPiece: Sendable {
    /// Words longer than this many bytes are the unknown token, as in BERT (100 characters).
    static let maxWordBytes = 100

    /// `fingerprint << 32 | id`; 0 is an empty slot (fingerprints are odd).
    private let entries: [UInt64]
    private let mask: Int
    /// The longest vocabulary piece, in bytes, without the "##" mark: no longer match is tried.
    private let longestPiece: Int
    let unknown: Int32

    init(vocabulary: [Substring]) {
        var capacity = 1
        while capacity < vocabulary.count * 2 { capacity <<= 1 }
        var entries = [UInt64](repeating: 0, count: capacity)
        var longest = 1
        for (id, token) in vocabulary.enumerated() where !token.isEmpty {
            let key = Self.hash(token.utf8)
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while entries[slot] != 0 && entries[slot] >> 32 != Self.fingerprint(key) { slot = (slot + 1) & (capacity - 1) }
            if entries[slot] == 0 { entries[slot] = Self.fingerprint(key) << 32 | UInt64(UInt32(id)) }
            longest = max(longest, token.utf8.count - (token.hasPrefix("##") ? 2 : 0))
        }
        self.entries = entries
        mask = capacity - 1
        longestPiece = longest
        unknown = vocabulary.firstIndex(of: "[UNK]").map { Int32($0) } ?? 0
    }

    /// Calls `body` with the vocabulary id of each token in the first `maxBytes` UTF-8 bytes of
    /// `text` (fewer when that would cut a character), in order.
    func tokens<Text: StringProtocol>(of text: Text, maxBytes: Int = .max, _ body: (Int32) -> Void) {
        let utf8 = text.utf8
        let done: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var end = min(maxBytes, bytes.count)
            while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            tokens(of: UnsafeBufferPointer(rebasing: bytes.prefix(end)), body)
        }
        if done == nil {
            tokens(of: String(text), maxBytes: maxBytes, body)
        }
    }

    /// The word being read and the buffers for cutting it into pieces: stack memory, taken once
    /// per text.
    private struct Scratch {
        /// The word's bytes (lower-cased, accents dropped), at most ``WordPiece/maxWordBytes``.
        let word: UnsafeMutableBufferPointer<UInt8>
        var length = 0
        var overlong = false
        /// Hashes of the word's prefixes from the current cut (index n: n bytes).
        let prefixes: UnsafeMutableBufferPointer<UInt64>
        /// The pieces found so far; a word has at most as many pieces as bytes.
        let pieces: UnsafeMutableBufferPointer<Int32>
        var pieceCount = 0

        @inline(__always) mutating func append(_ byte: UInt8) {
            if length < word.count { word[length] = byte; length &+= 1 } else { overlong = true }
        }
    }

    private func tokens(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxWordBytes) { word in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: longestPiece + 1) { prefixes in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.maxWordBytes) { pieces in
                    var scratch = Scratch(word: word, prefixes: prefixes, pieces: pieces)
                    tokens(of: bytes, scratch: &scratch, body)
                }
            }
        }
    }

    private func tokens(of bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch, _ body: (Int32) -> Void) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                if (byte &- 0x61) < 26 || (byte &- 0x30) < 10 {
                    scratch.append(byte)
                } else if (byte &- 0x41) < 26 {
                    scratch.append(byte | 0x20)
                } else if byte <= 0x20 || byte == 0x7F {
                    endWord(&scratch, body)
                } else {
                    endWord(&scratch, body)
                    scratch.append(byte)
                    endWord(&scratch, body)
                }
                continue
            }
            let (value, length) = FeatureHasher.decodeScalar(bytes, at: index)
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let properties = scalar.properties
            if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format {
                endWord(&scratch, body)
            } else if Self.isPunctuation(properties.generalCategory) || Self.isIdeograph(value) {
                endWord(&scratch, body)
                for offset in 0..<length { scratch.append(bytes[index + offset]) }
                endWord(&scratch, body)
            } else {
                for folded in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                where folded.properties.generalCategory != .nonspacingMark {
                    for byte in String(folded).utf8 { scratch.append(byte) }
                }
            }
            index += length
        }
        endWord(&scratch, body)
    }

    /// Emits the pieces of the word in `scratch` and empties it.
    private func endWord(_ scratch: inout Scratch, _ body: (Int32) -> Void) {
        if scratch.overlong {
            body(unknown)
        } else if scratch.length > 0 {
            if cut(&scratch) {
                for index in 0..<scratch.pieceCount { body(scratch.pieces[index]) }
            } else {
                body(unknown)
            }
        }
        scratch.length = 0
        scratch.overlong = false
    }

    /// Cuts the word in `scratch` into the longest vocabulary pieces from the left, into
    /// `scratch.pieces`; false when some stretch of it matches no piece.
    private func cut(_ scratch: inout Scratch) -> Bool {
        scratch.pieceCount = 0
        let count = scratch.length
        var start = 0
        while start < count {
            // Hashes of word[start..<start+n] for every n, with "##" ahead of continuation pieces.
            let limit = min(count - start, longestPiece)
            var hash = start == 0 ? Self.offsetBasis : Self.continuationBasis
            for length in 1...limit {
                hash = (hash ^ UInt64(scratch.word[start + length - 1])) &* Self.prime
                scratch.prefixes[length] = hash
            }
            var matched = 0
            for length in stride(from: limit, through: 1, by: -1) {
                if let id = lookup(scratch.prefixes[length]) {
                    scratch.pieces[scratch.pieceCount] = id
                    scratch.pieceCount += 1
                    matched = length
                    break
                }
            }
            guard matched > 0 else { return false }
            start += matched
        }
        return true
    }

    private func lookup(_ key: UInt64) -> Int32? {
        let fingerprint = Self.fingerprint(key)
        return entries.withUnsafeBufferPointer { entries in
            var slot = Int(truncatingIfNeeded: key) & mask
            while entries[slot] != 0 {
                if entries[slot] >> 32 == fingerprint { return Int32(truncatingIfNeeded: entries[slot]) }
                slot = (slot &+ 1) & mask
            }
            return nil
        }
    }

    @inline(__always) private static func fingerprint(_ key: UInt64) -> UInt64 { key >> 32 | 1 }

    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3
    private static let continuationBasis = hash("##".utf8)

    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
    }

    private static func isPunctuation(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// CJK ideographs, which BERT treats as words of their own.
    private static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2CEAF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
    }
}
