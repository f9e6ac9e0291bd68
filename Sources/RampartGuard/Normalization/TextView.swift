/// One reading of a text that the classifiers score: the text as normalised, or a segment of it
/// decoded from an encoding, with the transformations that produced it.
///
/// A classifier scores every view of an input and keeps the highest score per label, so that a
/// request hidden in base64 or ROT13 is judged as what it says; `transformations` is how an
/// explanation says which transformation revealed it.
public struct TextView: Sendable, Hashable {
    /// The text to classify.
    public var text: String
    /// The transformations that changed something on the way to `text`, in the order applied,
    /// for example `["nfkc", "zero_width_removed", "base64_decoded"]`; empty for the text as sent.
    public var transformations: [String]

    public init(text: String, transformations: [String] = []) {
        self.text = text
        self.transformations = transformations
    }
}
