/// Texts of a chosen size for timing the guard, shared by `rampart guard bench` and the Swift
/// benchmark package (`Benchmarks/`), so that both time the same input.
///
/// The text is realistic prose and harmless: the default constitution's `allowed` examples, in
/// order, repeated until the size is reached. The same size always gives the same text.
public enum BenchmarkText {
    /// The prose cut to at most `bytes` UTF-8 bytes, at a character boundary.
    public static func prose(bytes: Int) -> String {
        let examples = ConstitutionLoader.builtin().categories.flatMap(\.allowedExamples).joined(separator: " ")
        var text = ""
        while text.utf8.count < bytes { text += examples }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: bytes)
        while end.samePosition(in: text) == nil { text.utf8.formIndex(before: &end) }
        return String(text[..<end])
    }
}
