/// What the trainer fits: examples with the heads each one is positive for, and the heads it says
/// nothing about (masked), built from labelled data, the constitution's examples and augmentation.
struct TrainingSet {
    struct Item {
        var text: String
        var response: String?
        var positives: Set<String>
        /// Heads this item is neither a positive nor a negative for.
        var masked: Set<String>
        var weight: Float
    }

    static let outputHead = "output_harmful"

    private(set) var items: [Item] = []
    let categories: [String]

    init(constitution: Constitution) {
        categories = constitution.categories.filter { $0.kind == .content }.map(\.id)
    }

    var heads: [String] { Stage1Model.decidingHeads + categories + [Self.outputHead] }

    /// A labelled row. Exchange rows train only the output head; input rows train the others.
    mutating func add(_ example: LabelledExample, weight: Float = 1) {
        if let response = example.response {
            let others = Set(heads).subtracting([Self.outputHead])
            items.append(Item(text: example.text, response: response,
                              positives: example.label == "harmful" ? [Self.outputHead] : [], masked: others, weight: weight))
            return
        }
        var masked: Set<String> = [Self.outputHead]
        var positives: Set<String> = []
        switch example.label {
        case "harmful":
            positives.insert("harmful")
            if let category = Self.constitutionCategory(for: example.category), categories.contains(category) {
                positives.insert(category)
            } else {
                masked.formUnion(categories)
            }
        case "attack":
            // A jailbreak usually wraps a harmful goal: it says nothing reliable about the plain-harm heads.
            positives.insert("attack")
            masked.insert("harmful")
            masked.formUnion(categories)
        case "injection":
            positives.insert("injection")
            masked.insert("harmful")
            masked.formUnion(categories)
        default:
            break
        }
        items.append(Item(text: example.text, response: nil, positives: positives, masked: masked, weight: weight))
    }

    /// The constitution's own examples: harmful ones for their category, allowed ones as the
    /// near misses that keep the guard from over-refusing.
    mutating func add(_ constitution: Constitution, weight: Float) {
        for category in constitution.categories {
            let positives: Set<String> = switch category.kind {
            case .content: ["harmful", category.id]
            case .attack: ["attack"]
            case .injection: ["injection"]
            }
            for text in category.harmfulExamples {
                items.append(Item(text: text, response: nil, positives: positives, masked: [Self.outputHead], weight: weight))
            }
            for text in category.allowedExamples {
                items.append(Item(text: text, response: nil, positives: [], masked: [Self.outputHead], weight: weight))
            }
        }
    }

    mutating func add(_ item: Item) { items.append(item) }

    /// The weight of a clean passage (of a benign text, or of an injected one away from what was
    /// planted), against 1 for an injected passage.
    ///
    /// The injection head's class balance weighs each of its positives about 13 times as much as a
    /// negative (some 3,700 positives among 51,000 examples), so at equal item weights a document's
    /// format (a table's header, an e-mail's fields) counts as evidence of injection: injected
    /// documents' passages outweighed clean documents of the same kind, and plain tables scored up
    /// to 0.99. At 2 (with ``cleanTwinWeight``), about a sixth of an injected passage after balancing,
    /// clean BIPIA documents over 0.9 fell from 10–22 of 69 to 0–2 over three seeds, and injection
    /// recall at a given false-alarm rate rose (docs/guard.md, "Clean documents and the injection
    /// head", which also has the weights measured beside it).
    static let cleanPassageWeight: Float = 2
    /// The weight of an injected document with what was planted in it cut out (its clean twin).
    static let cleanTwinWeight: Float = 4

    /// The passages of a long example (see ``Segmenter``), labelled where that is known: every
    /// passage of a benign text is benign; in an injection, the passages holding one of the known
    /// injected `instructions` or of the example's own ``LabelledExample/planted`` ones are
    /// injections and the rest are not. An injection whose planted instructions are known also
    /// gives the document with them cut out as a benign example (its clean twin), long or short.
    /// Other long texts (jailbreak role-plays) are judged whole only.
    mutating func addPassages(of example: LabelledExample, instructions: [String]) {
        let passages = Segmenter.passages(of: example.text)
        switch example.label {
        case "benign":
            for passage in passages {
                items.append(Item(text: String(passage), response: nil, positives: [], masked: [Self.outputHead],
                                  weight: Self.cleanPassageWeight))
            }
        case "injection":
            let planted = (instructions + example.planted).filter { $0.count >= 12 && example.text.contains($0) }
            guard !planted.isEmpty else { return }
            let masked = Set(categories + ["harmful", Self.outputHead])
            // The same document without what was planted in it: a clean twin, so that the model learns
            // the instruction is the injection and the document around it (a table, an e-mail) is not.
            let clean = planted.reduce(example.text) { $0.replacingOccurrences(of: $1, with: "") }
            items.append(Item(text: clean, response: nil, positives: [], masked: [Self.outputHead], weight: Self.cleanTwinWeight))
            for passage in passages {
                let isInjected = planted.contains { passage.contains($0) || $0.contains(passage) }
                items.append(Item(text: String(passage), response: nil, positives: isInjected ? ["injection"] : [], masked: masked,
                                  weight: isInjected ? 1 : Self.cleanPassageWeight))
            }
        default:
            break
        }
    }

    /// Data categories that name a constitution category without doubt. Others train only the
    /// `harmful` head.
    static func constitutionCategory(for dataCategory: String) -> String? {
        let category = dataCategory.lowercased()
        let table: [(String, String)] = [
            ("malware", "cyber"), ("hacking", "cyber"), ("cyber", "cyber"), ("fraud", "fraud"), ("scam", "fraud"),
            ("privacy", "privacy"), ("harassment", "hate"), ("hate", "hate"), ("discrimination", "hate"),
            ("violence", "violence"), ("physical harm", "violence"), ("election", "election"), ("disinformation", "deception"),
            ("sexual", "sexual"), ("non-violent crime", "crime"),
            ("drug", "drugs"), ("weapon", "weapons"), ("explosive", "weapons"), ("self-harm", "self_harm"), ("suicide", "self_harm"),
            ("terror", "extremism"), ("extremis", "extremism"), ("chemical", "cbrn"), ("biological", "cbrn"),
        ]
        return table.first { category.contains($0.0) }?.1
    }
}
