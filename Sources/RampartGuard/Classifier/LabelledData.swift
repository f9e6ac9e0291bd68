import Foundation

/// One labelled example for training or evaluating the guard.
public struct LabelledExample: Sendable, Hashable {
    public enum Split: String, Sendable, Hashable {
        /// Used to fit the weights.
        case train
        /// Used to calibrate thresholds; never fitted on.
        case validation
        /// Never seen by training or calibration: what `rampart eval` reports by default.
        case test
    }

    /// The input text, or the prompt of an exchange.
    public var text: String
    /// The model's response, for exchange (output-classifier) examples.
    public var response: String?
    /// `attack`, `harmful`, `injection` or `benign`.
    public var label: String
    public var category: String
    public var source: String
    public var id: String
    public var split: Split
    /// For an injection planted in a document, the planted instruction(s) as they appear in
    /// ``text`` (the optional `planted` field of Rampart's own training files; BIPIA's are found
    /// through its raw rows instead). Training uses them to label the document's passages and to
    /// learn the document without them as benign (``TrainingSet/addPassages(of:instructions:)``).
    public var planted: [String] = []

    /// Benign prompts that look borderline (`category` starting with `borderline`).
    public var isBorderline: Bool { label == "benign" && category.hasPrefix("borderline") }
}

/// Reads `../shared/data`-style JSON Lines and assigns each row to a split.
///
/// The split is a function of the row's id alone (FNV-1a of the id, modulo 10: 0–1 test,
/// 2 validation, 3–9 train), so it is the same on every machine and for every run, and a row
/// never moves between splits when others are added.
public enum LabelledData {
    /// How rows are assigned to splits: by id (see ``LabelledData``), except for held-out sources.
    public struct SplitPolicy: Sendable {
        /// Every row from these sources (the rows' `source` field) is test data, never trained or
        /// calibrated on: a leave-source-out measure of how the guard does on data from elsewhere.
        public var heldOutSources: Set<String>

        public init(heldOutSources: Set<String> = []) {
            self.heldOutSources = heldOutSources
        }

        func split(id: String, source: String) -> LabelledExample.Split {
            heldOutSources.contains(source) ? .test : LabelledData.split(for: id)
        }
    }

    public static func load(paths: [String], policy: SplitPolicy = SplitPolicy()) throws(DataError) -> [LabelledExample] {
        var examples: [LabelledExample] = []
        for path in paths {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw DataError(message: "cannot read \(path): \(error.localizedDescription)")
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw DataError(message: "\(path) line \(number + 1) is not a JSON object")
                }
                guard let label = object["label"] as? String, ["attack", "harmful", "injection", "benign"].contains(label) else {
                    throw DataError(message: "\(path) line \(number + 1): 'label' must be attack, harmful, injection or benign")
                }
                let id = object["id"] as? String ?? "\((path as NSString).lastPathComponent)-\(number)"
                let category = object["category"] as? String ?? "unknown"
                let source = object["source"] as? String ?? (path as NSString).lastPathComponent
                if let prompt = object["prompt"] as? String, let response = object["response"] as? String {
                    examples.append(LabelledExample(text: prompt, response: response, label: label, category: category, source: source,
                                                    id: id, split: policy.split(id: id, source: source)))
                } else if let text = object["text"] as? String {
                    var planted: [String] = []
                    if let field = object["planted"] {
                        guard let list = field as? [String], list.allSatisfy({ !$0.isEmpty && text.contains($0) }) else {
                            throw DataError(message: "\(path) line \(number + 1): 'planted' must be a list of strings found in 'text'")
                        }
                        planted = list
                    }
                    examples.append(LabelledExample(text: text, response: nil, label: label, category: category, source: source,
                                                    id: id, split: policy.split(id: id, source: source), planted: planted))
                } else {
                    throw DataError(message: "\(path) line \(number + 1) has neither 'text' nor 'prompt' and 'response'")
                }
            }
        }
        return examples
    }

    /// The JSON Lines files in a directory, sorted.
    public static func files(in directory: String) throws(DataError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw DataError(message: "cannot list \(directory); pass the directory holding the labelled .jsonl files")
        }
        let files = names.filter { $0.hasSuffix(".jsonl") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else { throw DataError(message: "\(directory) holds no .jsonl files") }
        return files
    }

    static func split(for id: String) -> LabelledExample.Split {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        switch hash % 10 {
        case 0, 1: return .test
        case 2: return .validation
        default: return .train
        }
    }
}

/// Labelled data could not be read.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
