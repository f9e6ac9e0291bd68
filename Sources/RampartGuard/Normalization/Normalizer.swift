/// Turns a text into the views that the classifiers score (see ``TextView``).
///
/// The first view is the whole text normalised: NFKC, invisible characters removed, lookalike
/// letters folded to ASCII, spaced-out letters joined and leetspeak folded. Then comes one view
/// per decoded segment (base64, hex, URL-encoding, ROT13, reversed text, ASCII hidden in Unicode
/// tag characters), itself normalised and decoded again, to a depth of two. Each view names the
/// transformations that changed something on the way to it, so that an explanation can say which
/// one revealed what.
///
/// The work is bounded: at most ``maxViews`` views, and only the first ``maxDecodedBytes`` bytes
/// of a text are searched for encodings. Ordinary ASCII prose takes the fast path: a few passes
/// over its bytes and a single view holding the text as sent.
public enum Normalizer {
    /// The most views returned for one text.
    public static let maxViews = 16
    /// How many bytes of a text (after the Unicode steps) are searched for encoded segments.
    public static let maxDecodedBytes = 64 * 1024
    /// How many decodings deep a view can be (base64 inside base64 is two).
    public static let maxDepth = 2

    /// The first of ``views(of:)`` alone: the whole text normalised, without searching it for
    /// encoded segments. For featurising a text as a whole (training examples, an answer for the
    /// output head), where the decoded views are not scored.
    public static func normalized(_ text: String) -> String {
        NormalizedText(text).text
    }

    /// The views of `text`: first the whole text normalised, then each decoded segment. A text
    /// that needs nothing gives one view holding it as sent, with no transformations.
    public static func views(of text: String) -> [TextView] {
        let root = NormalizedText(text)
        var views = [TextView(text: root.text, transformations: root.steps)]
        var seen: Set<String> = []
        var frontier = [(normalized: root, path: [String]())]
        for _ in 0..<maxDepth where !frontier.isEmpty {
            var next: [(normalized: NormalizedText, path: [String])] = []
            for parent in frontier {
                for segment in parent.normalized.decodedSegments(limit: maxViews - views.count) {
                    guard views.count < maxViews else { return views }
                    let child = NormalizedText(segment.text)
                    if seen.isEmpty { seen = Set(views.map(\.text)) }
                    guard seen.insert(child.text).inserted else { continue }
                    let path = parent.path + segment.path
                    views.append(TextView(text: child.text, transformations: path + child.steps))
                    next.append((child, path))
                }
            }
            frontier = next
        }
        return views
    }
}

/// One text normalised: the Unicode steps, then spacing and leetspeak.
struct NormalizedText {
    /// The normalised text; the input itself when nothing changed.
    let text: String
    /// Every step that changed something, in order.
    let steps: [String]
    /// The Unicode steps, which came before decoding: decoders read their output.
    let unicodeSteps: [String]
    /// ASCII that the text hid in Unicode tag characters.
    let hidden: String?
    /// The text after the Unicode steps, cut to ``Normalizer/maxDecodedBytes``: what decoders read.
    let decodable: [UInt8]
    /// What a cheap scan of the text after the Unicode steps says may need work.
    let signals: TextSignals

    init(_ input: String) {
        let unicode = ScriptFolding(input)
        var bytes = Array(unicode.text.utf8)
        var steps = unicode.steps
        let cap = Normalizer.maxDecodedBytes
        decodable = bytes.count > cap ? Array(bytes[..<cap]) : bytes
        signals = TextSignals(bytes)
        var joined = false
        if signals.spaced, let spaced = SpacedLetters.join(bytes) {
            bytes = spaced
            joined = true
            steps.append("spacing_joined")
        }
        if signals.leet || joined, let folded = Leetspeak.fold(bytes) {
            bytes = folded
            steps.append("leetspeak_folded")
        }
        let changed = steps.count > unicode.steps.count
        text = changed ? String(decoding: bytes, as: UTF8.self) : unicode.text
        self.steps = steps
        unicodeSteps = unicode.steps
        hidden = unicode.hidden
    }

    /// The segments decoded from this text, at most `limit` of them, each with the steps that led
    /// from this text to it: the Unicode steps (decoders read their output) and the decoding.
    /// ASCII hidden in tag characters is read from the input itself.
    func decodedSegments(limit: Int) -> [(path: [String], text: String)] {
        guard limit > 0 else { return [] }
        var segments: [(path: [String], text: String)] = []
        if let hidden { segments.append((["unicode_tags_decoded"], hidden)) }
        for segment in Decoders.decode(decodable, signals: signals, limit: limit - segments.count) {
            segments.append((unicodeSteps + [segment.transformation], segment.text))
        }
        return segments
    }
}
