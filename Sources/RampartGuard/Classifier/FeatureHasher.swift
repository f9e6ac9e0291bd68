/// Turns text into hashed features for the linear stage-1 model: word unigrams and bigrams, and
/// character 3- and 4-grams inside words (with word-boundary marks), each hashed with FNV-1a into
/// one of `buckets` slots. A namespace salts the hashes, so that the exchange classifier can keep
/// prompt and response features apart in the same table.
///
/// Character n-grams make the model robust to inflections, typos and the leftovers of
/// obfuscation; word bigrams keep some phrase structure ("make a", "a bomb"). Features are
/// returned with repeats; the model scales their sum by 1/√count.
struct FeatureHasher: Sendable {
    let bucketBits: Int

    var buckets: Int { 1 << bucketBits }

    /// Hashing namespaces.
    enum Namespace: UInt64 {
        case input = 0
        case prompt = 0x9E37_79B9_7F4A_7C15
        case response = 0xC2B2_AE3D_27D4_EB4F
    }

    /// Only the first this many scalars of a text are featurised: a classifier does not need a
    /// 1 MB paste verbatim, and the cost stays bounded.
    static let maxScalars = 32 * 1024

    func features<Text: StringProtocol>(of text: Text, namespace: Namespace = .input, into output: inout [Int32]) {
        let mask = UInt64(buckets - 1)
        var previousWord: UInt64 = 0
        var hasPrevious = false
        var word: [UInt32] = []
        word.reserveCapacity(32)
        func flush() {
            guard !word.isEmpty else { return }
            var wordHash = Self.offset ^ namespace.rawValue
            for scalar in word { wordHash = Self.mix(wordHash, scalar) }
            output.append(Int32(truncatingIfNeeded: Self.finish(wordHash) & mask))
            if hasPrevious {
                output.append(Int32(truncatingIfNeeded: Self.finish(Self.mix(previousWord &* 31, UInt32(truncatingIfNeeded: wordHash))) & mask))
            }
            previousWord = wordHash
            hasPrevious = true
            // Character n-grams of "<word>".
            let count = word.count + 2
            if count >= 3 {
                for size in 3...4 where count >= size {
                    for start in 0...(count - size) {
                        var hash = Self.offset ^ namespace.rawValue ^ UInt64(size)
                        for index in start..<(start + size) {
                            let scalar: UInt32 = index == 0 ? 0x3C : (index == count - 1 ? 0x3E : word[index - 1])
                            hash = Self.mix(hash, scalar)
                        }
                        output.append(Int32(truncatingIfNeeded: Self.finish(hash) & mask))
                    }
                }
            }
            word.removeAll(keepingCapacity: true)
        }
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > Self.maxScalars { break }
            let value = scalar.value
            // ASCII without a Unicode property lookup: most text is ASCII, and the lookup dominated.
            let isWordScalar = value < 0x80
                ? (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
                : scalar.properties.isAlphabetic
            if isWordScalar {
                if word.count < 40 { word.append(Self.lower(scalar)) }
            } else {
                flush()
            }
        }
        flush()
    }

    private static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always) private static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        var hash = hash
        hash = (hash ^ UInt64(value & 0xFF)) &* prime
        hash = (hash ^ UInt64((value >> 8) & 0xFFFF)) &* prime
        return hash
    }

    /// A final avalanche, so that the low bits used as the bucket depend on every input bit.
    @inline(__always) private static func finish(_ hash: UInt64) -> UInt64 {
        var hash = hash
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    @inline(__always) private static func lower(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value >= 0x41 && value <= 0x5A { return value + 0x20 }
        if value < 0x80 { return value }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
    }
}
