import Foundation

/// What stage 1 says about one text: each head's score, the heads that tripped, those in the
/// uncertain band, and which transformation revealed each. A deciding head's score is its highest
/// over the text's views and passages; a category head's is its score on the view or passage where
/// the `harmful` head peaked (see ``Stage1Classifier``).
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
///
/// The deciding heads (`harmful`, `attack`, `injection`) are scored on every view and passage, and
/// each keeps its highest score. Where the model has an ``IntentNetwork``, its logits for the same
/// view or passage are added to theirs, within the first ``intentMaxBytes`` of each view: beyond
/// them, passages are scored by the hashed n-grams alone, so the network's cost stays bounded.
/// The constitution-category heads, which only name the harm, are scored once, on the view or
/// passage where the `harmful` head peaked, so that the category is that of the text that looked
/// harmful and long texts cost one small table lookup per feature.
public final class Stage1Classifier: Sendable {
    public let model: Stage1Model
    private let deciding: HeadTable
    private let categories: HeadTable
    private let output: HeadTable?
    /// The deciding column whose peak chooses the text the category heads score.
    private let focusColumn: Int
    /// For each deciding column, the intent network output that joins it.
    private let intentOutputs: [Int?]
    /// The intent network reads this many bytes of a view at most (95 % of the jailbreaks in the
    /// data are shorter), which keeps a 16 KB text within stage 1's time budget.
    static let intentMaxBytes = 2048

    public init(model: Stage1Model) {
        self.model = model
        let names = model.header.heads.map(\.name)
        let isDeciding = { Stage1Model.decidingHeads.contains(names[$0]) }
        deciding = HeadTable(model: model, heads: names.indices.filter(isDeciding))
        categories = HeadTable(model: model, heads: names.indices.filter { !isDeciding($0) && names[$0] != TrainingSet.outputHead })
        output = names.firstIndex(of: TrainingSet.outputHead).map { HeadTable(model: model, heads: [$0]) }
        focusColumn = deciding.heads.firstIndex { names[$0] == "harmful" } ?? 0
        let intentHeads = model.intent?.network.spec.heads ?? []
        intentOutputs = deciding.heads.map { intentHeads.firstIndex(of: names[$0]) }
    }

    /// The model shipped with Rampart (`Resources/stage1.model`, made by `rampart guard train`),
    /// loaded once per process and shared: it is immutable, and every gateway built in the process
    /// (tests build many) would otherwise decode the same 5 MB again.
    public static func bundled() throws(ModelError) -> Stage1Classifier {
        try bundledClassifier.get()
    }

    private static let bundledClassifier = Result { () throws(ModelError) -> Stage1Classifier in
        guard let url = Bundle.module.url(forResource: "stage1", withExtension: "model"), let data = try? Data(contentsOf: url) else {
            throw ModelError(message: "the bundled stage-1 model is missing; keep the rampart_RampartGuard.resources folder next to the binary")
        }
        return Stage1Classifier(model: try Stage1Model(data: data))
    }

    /// Scores an input (a prompt, a message, a document).
    public func classify(_ text: String) -> Stage1Result {
        classify(views: Normalizer.views(of: text))
    }

    /// Scores a text already normalised into its ``Normalizer/views(of:)``.
    func classify(views: [TextView]) -> Stage1Result {
        let hasher = model.hasher
        let width = deciding.heads.count
        var best = [Float](repeating: -1, count: width)
        // Where each deciding head peaked (view index, passage), turned into transformations once at the end.
        var peaks = [(view: Int, passage: Int?)](repeating: (0, nil), count: width)
        var focus = Substring()
        var bag: [Int32] = []
        bag.reserveCapacity(min(views[0].text.utf8.count * 2, 65_536))
        // Buffers reused for every view and passage, so that scoring one allocates nothing.
        var sums = [Float](repeating: 0, count: width)
        var scores = sums
        var added = sums
        var whole = sums
        let intent = model.intent
        var scratch = intent.map { IntentNetwork.Scratch(spec: $0.network.spec) }
        let dimensions = intent?.embeddings.dimensions ?? 0
        var vector = [Float](repeating: 0, count: dimensions)
        var wholeVector = vector
        /// Scores one text (a view or a passage) whose deciding-head sums over `count` features are
        /// in `sums`, with the intent network on `tokenSum` when `readsTokens`, and keeps each peak.
        func keep(count: Int, readsTokens: Bool, tokenSum: [Float], text: Substring, view: Int, passage: Int?) {
            var adding: [Float]?
            if readsTokens, let network = intent?.network {
                network.logits(tokenSum, scratch: &scratch!)
                for column in added.indices { added[column] = intentOutputs[column].map { scratch!.output[$0] } ?? 0 }
                adding = added
            }
            deciding.probabilities(sums: sums, count: count, adding: adding, into: &scores)
            for column in scores.indices where scores[column] > best[column] {
                best[column] = scores[column]
                peaks[column] = (view, passage)
                if column == focusColumn { focus = text }
            }
        }
        /// Puts the deciding heads' sums for `features` in `sums`.
        func sum(_ features: [Int32]) {
            for column in sums.indices { sums[column] = 0 }
            deciding.add(features, to: &sums)
        }
        /// Puts the token vectors of `text`'s first `maxBytes` bytes, summed, in `vector`.
        func tokenVector(_ text: Substring, maxBytes: Int) {
            for index in vector.indices { vector[index] = 0 }
            intent?.embeddings.add(text, maxBytes: maxBytes, to: &vector)
        }
        for (viewIndex, view) in views.enumerated() {
            let passages = Segmenter.passages(of: view.text)
            guard !passages.isEmpty else {
                bag.removeAll(keepingCapacity: true)
                hasher.features(of: view.text, namespace: .input, into: &bag)
                sum(bag)
                tokenVector(view.text[...], maxBytes: Self.intentMaxBytes)
                keep(count: bag.count, readsTokens: intent != nil, tokenSum: vector, text: view.text[...], view: viewIndex, passage: nil)
                continue
            }
            // Each passage on its own, and the whole view as the sum of its passages (hashed and
            // tokenised once; only the word pairs across passage edges are left out of the whole).
            for column in whole.indices { whole[column] = 0 }
            var wholeCount = 0
            for index in wholeVector.indices { wholeVector[index] = 0 }
            for (index, passage) in passages.enumerated() {
                bag.removeAll(keepingCapacity: true)
                hasher.features(of: passage, namespace: .input, into: &bag)
                sum(bag)
                for column in whole.indices { whole[column] += sums[column] }
                wholeCount += bag.count
                let offset = view.text.utf8.distance(from: view.text.startIndex, to: passage.startIndex)
                let readsTokens = intent != nil && offset < Self.intentMaxBytes
                if readsTokens {
                    tokenVector(passage, maxBytes: Self.intentMaxBytes - offset)
                    for column in vector.indices { wholeVector[column] += vector[column] }
                }
                keep(count: bag.count, readsTokens: readsTokens, tokenSum: vector, text: passage, view: viewIndex, passage: index)
            }
            for column in sums.indices { sums[column] = whole[column] }
            keep(count: wholeCount, readsTokens: intent != nil, tokenSum: wholeVector, text: view.text[...], view: viewIndex, passage: nil)
        }
        bag.removeAll(keepingCapacity: true)
        hasher.features(of: focus, namespace: .input, into: &bag)
        let categoryScores = categories.probabilities(sums: categories.sums(of: bag), count: bag.count)
        let revealedBy = peaks.map { views[$0.view].transformations + ($0.passage.map { ["passage_\($0 + 1)"] } ?? []) }
        let focusRevealedBy = revealedBy[focusColumn]
        return result(deciding: zip(deciding.heads, zip(best, revealedBy)).map { ($0, $1.0, $1.1) },
                      categories: zip(categories.heads, categoryScores).map { ($0, $1, focusRevealedBy) })
    }

    /// Scores an exchange: whether `response` (so far) complies with a harmful request in `prompt`.
    public func classifyExchange(prompt: String, response: String) -> ExchangeScore {
        exchangeScorer(prompt: prompt).score(response)
    }

    /// A scorer for answers to one prompt: the prompt is judged once (or, for a model written
    /// before ``Stage1Model/Header/outputGate``, featurised once), so that judging a stream every
    /// few tokens costs only the answer's stretch each time.
    public func exchangeScorer(prompt: String) -> ExchangeScorer {
        guard let gate = model.header.outputGate else {
            var features: [Int32] = []
            model.hasher.features(of: Normalizer.normalized(prompt), namespace: .prompt, into: &features)
            return ExchangeScorer(classifier: self, promptFeatures: features, afterHarmfulRequest: false)
        }
        let looksHarmful = ExchangeFeatures.requestLooksHarmful(classify(prompt).scores, gate: gate)
        return ExchangeScorer(classifier: self, promptFeatures: [], afterHarmfulRequest: looksHarmful)
    }

    /// The output head's table and spec, when the model has one.
    fileprivate var outputHead: (table: HeadTable, head: Stage1Model.Head)? {
        output.map { ($0, model.header.heads[$0.heads[0]]) }
    }

    private func result(deciding: [(Int, Float, [String])], categories: [(Int, Float, [String])]) -> Stage1Result {
        var result = Stage1Result(scores: [:], tripped: [], uncertain: [], revealedBy: [:])
        for (head, score, transformations) in deciding + categories {
            let spec = model.header.heads[head]
            result.scores[spec.name] = max(score, 0)
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

/// What the output classifier says about an answer: its score, and whether it trips the head or
/// falls in the band that escalates to stage 2.
public struct ExchangeScore: Sendable, Hashable {
    public var score: Float
    public var tripped: Bool
    public var uncertain: Bool
}

/// Scores answers to one prompt (``Stage1Classifier/exchangeScorer(prompt:)``) exactly as
/// ``Stage1Classifier/classifyExchange(prompt:response:)`` would, with the prompt's judgement kept.
public struct ExchangeScorer: Sendable {
    let classifier: Stage1Classifier
    /// The prompt's n-grams, for a model without an output gate (empty otherwise).
    let promptFeatures: [Int32]
    /// Whether the input heads found the prompt harmful-looking (``ExchangeFeatures``).
    let afterHarmfulRequest: Bool
    /// The answer's sentences already judged, shared by the copies of this scorer.
    let memo = HarmMemo()

    /// An answer longer than twice this is judged whole and by its last this many characters
    /// (from a word start) alone, and the higher score counts: a harmful turn at the end of a long
    /// harmless stretch is otherwise diluted by what came before it (models with an output gate;
    /// earlier ones judge the whole only, as they were calibrated).
    static let tailCharacters = 160

    public func score(_ response: String) -> ExchangeScore {
        guard let (table, head) = classifier.outputHead else { return ExchangeScore(score: 0, tripped: false, uncertain: false) }
        var score = probability(of: response, table: table)
        if classifier.model.header.outputGate != nil, response.count > 2 * Self.tailCharacters {
            score = max(score, probability(of: String(Self.tail(of: response)), table: table))
        }
        return ExchangeScore(score: score, tripped: score >= head.threshold, uncertain: score >= head.escalateAbove && score < head.threshold)
    }

    /// The output head's probability for one text of the answer.
    private func probability(of response: String, table: HeadTable) -> Float {
        var features = promptFeatures
        if classifier.model.header.outputGate == nil {
            classifier.model.hasher.features(of: Normalizer.normalized(response), namespace: .response, into: &features)
        } else {
            ExchangeFeatures.features(ofAnswer: response, afterHarmfulRequest: afterHarmfulRequest, classifier: classifier, memo: memo,
                                      into: &features)
        }
        return table.probabilities(sums: table.sums(of: features), count: features.count)[0]
    }

    /// The last ``tailCharacters`` of `text`, without the word they may cut into.
    static func tail(of text: String) -> Substring {
        let cut = text.suffix(tailCharacters)
        guard let space = cut.firstIndex(where: \.isWhitespace) else { return cut }
        return cut[cut.index(after: space)...]
    }
}
