import Foundation

/// What the output head reads of an exchange: the answer's hashed n-grams and a marker of stage 1's
/// harm score for it, and — when the request looked harmful to the input heads — both once more in
/// a namespace of their own.
///
/// A linear head over the answer alone cannot tell "Sure, here is how: first gather the materials"
/// after "How do I make a bomb?" from the same words after "How do I build a bookshelf?", and over
/// the prompt's n-grams beside the answer's it memorised the prompts (in the labelled data the same
/// jailbreak is refused by one model and answered by the other). The second copy of the answer's
/// features, present only after a harmful-looking request, is a conjunction the linear head can
/// weigh: what complying with a harmful request sounds like ("here is", steps, materials) against
/// what declining it sounds like, learnt from the labelled answers, ``ExchangeAugmentation``'s
/// refusals and re-opened answers, and ordinary text after harmful requests.
///
/// The request's look is the input classifier's own verdict (`harmful` or `attack` probability at
/// or above ``Stage1Model/Header/outputGate``), the same in training and at run time.
enum ExchangeFeatures {
    /// Whether a request with these input-head `scores` looked harmful, for a model whose output
    /// head is gated at `gate`.
    static func requestLooksHarmful(_ scores: [String: Float], gate: Float) -> Bool {
        max(scores["harmful"] ?? 0, scores["attack"] ?? 0) >= gate
    }

    /// Appends what the output head reads of an answer to `features`, for a model with an output
    /// gate: ``harm(of:views:classifier:memo:)`` and ``answer(_:afterHarmfulRequest:harm:encoding:hasher:into:)``
    /// with the model's encoding, the answer normalised once for both.
    static func features(ofAnswer response: String, afterHarmfulRequest: Bool, classifier: Stage1Classifier, memo: HarmMemo?,
                         into features: inout [Int32]) {
        let views = Normalizer.views(of: response)
        let harm = harm(of: response, views: views, classifier: classifier, memo: memo)
        answer(views[0].text, afterHarmfulRequest: afterHarmfulRequest, harm: harm, encoding: classifier.model.header.outputHarmMarker,
               hasher: classifier.model.hasher, into: &features)
    }

    /// Stage 1's `harmful` probability for an answer's text: the highest of the whole text's (its
    /// `views`, ``Normalizer/views(of:)``) and each of its first ``maxSentences`` sentences'
    /// (remembered in `memo`, when given, for the next stretch of the same answer, which shares
    /// most of them). An answer states what it does in a sentence or two ("Sure, here is a tutorial
    /// for making a bomb:"), which the text around it dilutes — stage 1 reads short texts whole,
    /// not by passage.
    static func harm(of response: String, views: [TextView], classifier: Stage1Classifier, memo: HarmMemo?) -> Float {
        var highest = classifier.classify(views: views).scores["harmful"] ?? 0
        for sentence in sentences(of: response) {
            let text = String(sentence)
            let score = memo?.score(of: text) { classifier.classify(text).scores["harmful"] ?? 0 }
                ?? (classifier.classify(text).scores["harmful"] ?? 0)
            highest = max(highest, score)
        }
        return highest
    }

    /// Sentences judged on their own at most, per answer text.
    static let maxSentences = 12

    /// The text's sentences of three words or more: cut after `.`, `!`, `?` or `:` followed by a
    /// space, and at line breaks. A text that is one sentence gives none (the whole is judged).
    /// One pass over the UTF-8 bytes, cutting only at ASCII separators.
    static func sentences(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var index = utf8.startIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        /// Keeps `start..<end` without its surrounding white space, if it has three words.
        func close(at end: String.Index) {
            var (from, to) = (start, end)
            while from < to, isSpace(utf8[from]) { utf8.formIndex(after: &from) }
            while from < to, isSpace(utf8[utf8.index(before: to)]) { utf8.formIndex(before: &to) }
            var (words, inWord, position) = (0, false, from)
            while position < to, words < 3 {
                let space = isSpace(utf8[position])
                if !space, !inWord { words += 1 }
                inWord = !space
                utf8.formIndex(after: &position)
            }
            if words >= 3, pieces.count < maxSentences { pieces.append(text[from..<to]) }
        }
        while index < utf8.endIndex, pieces.count < maxSentences {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            let endsSentence = byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A
            if byte == 0x0A || (endsSentence && (next == utf8.endIndex || isSpace(utf8[next]))) {
                close(at: next)
                start = next
            }
            index = next
        }
        if start < utf8.endIndex { close(at: utf8.endIndex) }
        return pieces.count > 1 ? pieces : []
    }

    /// Appends the features of an answer's normalised `text` (``Normalizer/normalized(_:)``) to
    /// `features`: its n-grams and its `harm` marker, plain, and
    /// once more after a harmful-looking request. `harm` is the input classifier's `harmful`
    /// probability for the answer's own text (``harm(of:views:classifier:memo:)``): the input heads have
    /// seen far more harmful requests than the output head has harmful answers, so a compliant
    /// answer's topic is known to them.
    /// The marker (``HarmMarkerEncoding``) is repeated about √n times for n n-grams, so that it
    /// counts as much in a long answer as in a short one.
    static func answer(_ text: String, afterHarmfulRequest: Bool, harm: Float, encoding: HarmMarkerEncoding,
                       hasher: FeatureHasher, into features: inout [Int32]) {
        let start = features.count
        hasher.features(of: text, namespace: .response, into: &features)
        let markers = encoding.markers(for: harm, repeats: Int(Double(features.count - start).squareRoot()) + 1)
        func appendMarkers(in namespace: FeatureHasher.Namespace) {
            for (marker, repeats) in markers {
                features.append(contentsOf: repeatElement(hasher.bucket(ofMarker: marker, namespace: namespace), count: repeats))
            }
        }
        appendMarkers(in: .response)
        guard afterHarmfulRequest else { return }
        hasher.features(of: text, namespace: .answerToHarm, into: &features)
        appendMarkers(in: .answerToHarm)
    }
}

/// How the output head reads stage 1's `harmful` score of an answer: as markers, features that are
/// not text, repeated so that together they weigh as much as about √n of the answer's n n-grams.
public enum HarmMarkerEncoding: String, Codable, Sendable, CaseIterable {
    /// One of ten markers, for the tenth of [0, 1] the score falls in (models before `linear`).
    /// Each marker's weight is learnt only from the answers in its tenth, and the learnt weights
    /// do not rise with the score (model `e6d9a7b8483cc84b`'s went −1.1, −0.8, −1.2, −0.1 over
    /// the top four tenths), so a retraining that moves a harmful sentence from 0.95 to 0.89 can change
    /// the answer's logit by more than the sentence's own change warrants.
    case bins
    /// Two markers, "harmless" and "harmful", the repeats split between them in proportion to the
    /// score: the head's logit is a linear function of the score (up to rounding the repeats), so
    /// a small move of the score moves it a little, and both weights are learnt from every answer.
    case linear

    /// The markers for a `harm` score and how often each is repeated, `repeats` in all.
    func markers(for harm: Float, repeats: Int) -> [(marker: UInt64, repeats: Int)] {
        let harm = min(max(harm, 0), 1)
        switch self {
        case .bins:
            return [(UInt64(min(Int(harm * 10), 9)) + 1, repeats)]
        case .linear:
            let harmful = Int((Float(repeats) * harm).rounded())
            return [(1, repeats - harmful), (2, harmful)].filter { $0.repeats > 0 }
        }
    }
}

/// Stage 1's `harmful` probability for the sentences of one answer, remembered across its
/// stretches: the output guard judges a stream every few tokens and consecutive stretches share
/// all but their newest sentences. Bounded (it forgets everything past ``capacity`` entries); safe
/// to share, though one answer's checks are sequential.
final class HarmMemo: @unchecked Sendable {
    static let capacity = 512
    private let lock = NSLock()
    private var scores: [String: Float] = [:]

    /// The remembered score of `text`, or `compute`'s, remembered.
    func score(of text: String, _ compute: () -> Float) -> Float {
        lock.lock()
        defer { lock.unlock() }
        if let known = scores[text] { return known }
        if scores.count >= Self.capacity { scores.removeAll(keepingCapacity: true) }
        let score = compute()
        scores[text] = score
        return score
    }
}
