import Foundation

/// What stage 1 says about one text: each head's score (the highest over the text's views), the
/// heads that tripped, those in the uncertain band, and which transformation revealed each.
public struct Stage1Result: Sendable {
    public var scores: [String: Float]
    /// Heads at or above their threshold.
    public var tripped: [String]
    /// Heads in the band that escalates to stage 2.
    public var uncertain: [String]
    /// For each head, the transformations of the view that gave its score (empty: the text as sent).
    public var revealedBy: [String: [String]]
}

/// The stage-1 classifier at run time: normalises a text into views, featurises each, and scores
/// them with the trained model. Immutable and safe to share.
public final class Stage1Classifier: Sendable {
    public let model: Stage1Model
    private let inputHeads: [Int]
    private let outputHead: Int?

    public init(model: Stage1Model) {
        self.model = model
        inputHeads = model.header.heads.indices.filter { model.header.heads[$0].name != TrainingSet.outputHead }
        outputHead = model.header.heads.firstIndex { $0.name == TrainingSet.outputHead }
    }

    /// The model shipped with Rampart (`Resources/stage1.model`, made by `rampart guard train`).
    public static func bundled() throws(ModelError) -> Stage1Classifier {
        guard let url = Bundle.module.url(forResource: "stage1", withExtension: "model"), let data = try? Data(contentsOf: url) else {
            throw ModelError(message: "the bundled stage-1 model is missing; keep the rampart_RampartGuard.resources folder next to the binary")
        }
        return Stage1Classifier(model: try Stage1Model(data: data))
    }

    /// Scores an input (a prompt, a message, a document).
    public func classify(_ text: String) -> Stage1Result {
        let hasher = model.hasher
        var best: [Int: (Float, [String])] = [:]
        var bag: [Int32] = []
        bag.reserveCapacity(min(text.utf8.count * 2, 65_536))
        let heads = model.header.heads.count
        func keep(_ scores: [Float], _ transformations: [String]) {
            for head in inputHeads where scores[head] > (best[head]?.0 ?? -1) { best[head] = (scores[head], transformations) }
        }
        for view in Normalizer.views(of: text) {
            let passages = Segmenter.passages(of: view.text)
            guard !passages.isEmpty else {
                bag.removeAll(keepingCapacity: true)
                hasher.features(of: view.text, namespace: .input, into: &bag)
                keep(model.scores(bag), view.transformations)
                continue
            }
            // Each passage on its own, and the whole view as the sum of its passages (hashed once;
            // only the word pairs across passage edges are left out of the whole).
            var whole = [Float](repeating: 0, count: heads)
            var wholeCount = 0
            for (index, passage) in passages.enumerated() {
                bag.removeAll(keepingCapacity: true)
                hasher.features(of: passage, namespace: .input, into: &bag)
                var sums = [Float](repeating: 0, count: heads)
                model.addWeights(of: bag, to: &sums)
                for head in 0..<heads { whole[head] += sums[head] }
                wholeCount += bag.count
                keep(model.probabilities(sums: sums, count: bag.count), view.transformations + ["passage_\(index + 1)"])
            }
            keep(model.probabilities(sums: whole, count: wholeCount), view.transformations)
        }
        return result(best)
    }

    /// Scores an exchange: whether `response` (so far) complies with a harmful request in `prompt`.
    public func classifyExchange(prompt: String, response: String) -> (score: Float, tripped: Bool, uncertain: Bool) {
        guard let outputHead else { return (0, false, false) }
        let head = model.header.heads[outputHead]
        let score = model.scores(Stage1Trainer.features(text: prompt, response: response, hasher: model.hasher))[outputHead]
        return (score, score >= head.threshold, score >= head.escalateAbove && score < head.threshold)
    }

    private func result(_ best: [Int: (Float, [String])]) -> Stage1Result {
        var result = Stage1Result(scores: [:], tripped: [], uncertain: [], revealedBy: [:])
        for head in inputHeads {
            let spec = model.header.heads[head]
            let (score, transformations) = best[head] ?? (0, [])
            result.scores[spec.name] = score
            result.revealedBy[spec.name] = transformations
            if score >= spec.threshold {
                result.tripped.append(spec.name)
            } else if score >= spec.escalateAbove {
                result.uncertain.append(spec.name)
            }
        }
        return result
    }
}
