import Testing

@testable import RampartGuard

/// The texts `rampart guard bench` and the benchmark package time.
@Suite struct BenchmarkTextTests {
    @Test func proseFillsTheSizeWithoutCuttingACharacter() {
        for bytes in [0, 1, 600, 1024, 16 * 1024] {
            let text = BenchmarkText.prose(bytes: bytes)
            #expect(text.utf8.count <= bytes)
            #expect(text.utf8.count >= bytes - 3, "at most a cut multi-byte character short")
            #expect(!text.unicodeScalars.contains("\u{FFFD}"))
            #expect(text == BenchmarkText.prose(bytes: bytes))
        }
    }

    @Test func proseIsHarmlessToTheGuard() throws {
        let result = try Stage1Classifier.bundled().classify(BenchmarkText.prose(bytes: 1024))
        #expect(result.tripped.isEmpty)
    }
}
