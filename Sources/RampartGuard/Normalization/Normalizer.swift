import Foundation

/// Turns a text into the views that the classifiers score (see ``TextView``).
public enum Normalizer {
    /// The views of `text`: first the whole text normalised, then each decoded segment.
    public static func views(of text: String) -> [TextView] {
        let folded = text.precomposedStringWithCompatibilityMapping
        return [TextView(text: folded, transformations: folded == text ? [] : ["nfkc"])]
    }
}
