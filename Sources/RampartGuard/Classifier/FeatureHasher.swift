/// Turns text into hashed features for the linear stage-1 model: word unigrams and bigrams, and
/// character 3- and 4-grams inside words (with word-boundary marks), each hashed into one of
/// `buckets` slots. A namespace salts the hashes, so that the exchange classifier can keep prompt
/// and response features apart in the same table.
///
/// Character n-grams make the model robust to inflections, typos and the leftovers of
/// obfuscation; word bigrams keep some phrase structure ("make a", "a bomb"). Features are
/// returned with repeats; the model scales their sum by 1/√count.
///
/// The hasher makes one pass over the text's UTF-8 bytes and emits each n-gram as its last letter
/// arrives, from a window of the three letters before it, so no word is buffered. ASCII takes a
/// table-free path; other scalars are decoded in place and judged by their Unicode properties.
/// Words are lower-cased and cut at 40 letters. Changing anything here changes every feature:
/// bump ``Stage1Model/format`` and retrain.
struct FeatureHasher: Sendable {
    let bucketBits: Int

    var buckets: Int { 1 << bucketBits }

    /// Hashing namespaces.
    enum Namespace: UInt64 {
        case input = 0
        case prompt = 0x9E37_79B9_7F4A_7C15
        case response = 0xC2B2_AE3D_27D4_EB4F
        /// An answer's features again, after a request that looked harmful (``ExchangeFeatures``).
        case answerToHarm = 0x1656_67B1_9E37_79F9
    }

    /// The bucket of a feature that is not text (a score bin, ``ExchangeFeatures``): `key` salted
    /// by the namespace, through the same avalanche as the text features.
    func bucket(ofMarker key: UInt64, namespace: Namespace) -> Int32 {
        Int32(truncatingIfNeeded: Self.avalanche(key ^ namespace.rawValue ^ 0x6D61_726B_6572) & UInt64(buckets - 1))
    }

    /// MurmurHash3's fmix64, so that the low bits used as the bucket depend on every input bit.
    @inline(__always) static func avalanche(_ key: UInt64) -> UInt64 {
        var hash = key
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    /// Only the first this many bytes of a text are featurised: a classifier does not need a
    /// 1 MB paste verbatim, and the cost stays bounded.
    static let maxBytes = 64 * 1024
    /// Letters of a word beyond this many are ignored.
    static let maxWordLength = 40

    func features<Text: StringProtocol>(of text: Text, namespace: Namespace = .input, into output: inout [Int32]) {
        let utf8 = text.utf8
        let done: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            features(of: UnsafeBufferPointer(rebasing: bytes.prefix(Self.maxBytes)), namespace: namespace, into: &output)
        }
        if done == nil {
            let bytes = Array(utf8.prefix(Self.maxBytes))
            bytes.withUnsafeBufferPointer { features(of: $0, namespace: namespace, into: &output) }
        }
    }

    private func features(of bytes: UnsafeBufferPointer<UInt8>, namespace: Namespace, into output: inout [Int32]) {
        // At most two n-grams per letter plus four features per word end: never grow while hashing.
        output.reserveCapacity(output.count + 3 * bytes.count + 8)
        var state = WordState(salt: namespace.rawValue, mask: UInt64(buckets - 1))
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                if (byte &- 0x61) < 26 || (byte &- 0x30) < 10 {
                    state.letter(UInt32(byte), into: &output)
                } else if (byte &- 0x41) < 26 {
                    state.letter(UInt32(byte | 0x20), into: &output)
                } else {
                    state.endWord(into: &output)
                }
                continue
            }
            let (value, length) = Self.decodeScalar(bytes, at: index)
            index += length
            if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                state.letter(scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value, into: &output)
            } else {
                state.endWord(into: &output)
            }
        }
        state.endWord(into: &output)
    }

    /// The scalar of the multi-byte UTF-8 sequence at `index` (the buffer came from a String, so
    /// it is well formed; a cut-off tail reads as U+FFFD) and its length in bytes.
    @inline(__always) static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
        guard index + length <= bytes.count else { return (0xFFFD, bytes.count - index) }
        var value = UInt32(lead) & (length == 4 ? 0x07 : (length == 3 ? 0x0F : 0x1F))
        for offset in 1..<length { value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F) }
        return (value, length)
    }

    /// The hashing state of the word being read, and of the word before it.
    private struct WordState {
        let salt: UInt64
        let mask: UInt64
        /// The last three letters of the current word (with the start mark), newest in the low 21 bits.
        var window: UInt64 = 0
        /// Letters in the current word, counting the start mark.
        var length = 0
        var wordHash: UInt64 = 0
        var previousWord: UInt64 = 0
        var hasPrevious = false

        static let startMark: UInt32 = 0x3C  // "<"
        static let endMark: UInt32 = 0x3E  // ">"
        static let prime: UInt64 = 0x0000_0100_0000_01B3
        static let offset: UInt64 = 0xCBF2_9CE4_8422_2325

        init(salt: UInt64, mask: UInt64) {
            self.salt = salt
            self.mask = mask
        }

        @inline(__always) mutating func letter(_ value: UInt32, into output: inout [Int32]) {
            if length == 0 {
                wordHash = Self.offset ^ salt
                window = 0
                push(Self.startMark, into: &output)
            }
            guard length <= FeatureHasher.maxWordLength else { return }
            wordHash = (wordHash ^ UInt64(value)) &* Self.prime
            push(value, into: &output)
        }

        @inline(__always) mutating func endWord(into output: inout [Int32]) {
            guard length > 0 else { return }
            push(Self.endMark, into: &output)
            emit(wordHash, into: &output)
            if hasPrevious { emit(previousWord &* 31 ^ (wordHash >> 7) ^ 0x5BD1_E995, into: &output) }
            previousWord = wordHash
            hasPrevious = true
            length = 0
        }

        /// Appends a letter (or mark) to the window and emits the 3- and 4-grams ending with it.
        @inline(__always) private mutating func push(_ value: UInt32, into output: inout [Int32]) {
            let three = ((window & 0x3FF_FFFF_FFFF) << 21) | UInt64(value & 0x1F_FFFF)
            if length >= 2 { emit(three ^ salt ^ 0x3, into: &output) }
            if length >= 3 { emit(three &* 0x9E37_79B9_7F4A_7C15 ^ (window >> 42) ^ salt ^ 0x4, into: &output) }
            window = three
            length += 1
        }

        /// Emits a key's bucket, after the final avalanche.
        @inline(__always) private func emit(_ key: UInt64, into output: inout [Int32]) {
            output.append(Int32(truncatingIfNeeded: FeatureHasher.avalanche(key) & mask))
        }
    }
}
