import Foundation
import RampartWire
import Yams

/// Reads a ``Constitution`` from YAML (DESIGN.md §3), reporting every problem with its key path and line.
///
/// The schema:
///
/// ```yaml
/// version: "2026.11-1"        # required: a human version, named next to the content hash
/// extends: builtin            # optional: start from the default constitution
/// categories:                 # required (may be empty only with `extends`)
///   - id: cbrn                # required, snake_case, unique in the file
///     name: CBRN weapons      # required
///     kind: content           # required: content | attack | injection
///     severity: critical      # required: low | medium | high | critical
///     action: block           # required: block | refuse | flag | redact | route_safer
///     harmful: >              # required: what is harmful, in plain words
///       ...
///     allowed: >              # required: what is allowed nearby and must not be refused
///       ...
///     examples:               # required: at least 3 texts on each side
///       harmful: [ "...", "...", "..." ]
///       allowed: [ "...", "...", "..." ]
/// ```
///
/// Unknown keys are errors (with a "did you mean" hint), so that a typo never silently drops
/// part of a policy. Texts are trimmed of surrounding white space; an example may not appear
/// twice on one side, nor on both sides of a category.
///
/// With `extends: builtin`, the categories of ``builtin()`` come first, in their order. A listed
/// category whose `id` is a built-in one overrides only the fields it gives (a list of examples
/// replaces that side's list); any other id adds a category, which then needs every field.
///
/// ``Constitution/contentHash`` is the SHA-256 of the YAML text. For a file that extends the
/// built-in constitution it is the SHA-256 of the built-in hash, a newline and the text, so
/// that the hash changes when either changes.
public enum ConstitutionLoader {
    /// The default constitution shipped in the binary (``DefaultConstitution``), parsed once.
    public static func builtin() -> Constitution { builtinConstitution }

    private static let builtinConstitution: Constitution = {
        do {
            return try parse(yaml: DefaultConstitution.yaml, source: "builtin")
        } catch {
            fatalError("the built-in constitution is invalid: \(error)")
        }
    }()

    /// Reads and validates the constitution at `path`.
    public static func load(path: String) throws(ConstitutionError) -> Constitution {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConstitutionError(source: path, issues: [.init(path: "", line: nil, message: "cannot read the file: \(error.localizedDescription)")])
        }
        return try parse(yaml: text, source: path)
    }

    /// Parses and validates constitution text; `source` names it in errors (a path, or `builtin`).
    public static func parse(yaml: String, source: String) throws(ConstitutionError) -> Constitution {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConstitutionError(source: source, issues: [syntaxIssue(error)])
        }
        let reader = Reader()
        let top = Cursor(node: root, path: "", parentLine: nil, reader: reader)
        let constitution = read(top, yaml: yaml)
        if !reader.issues.isEmpty {
            // In file order (stable within a line), however the reading went.
            let ordered = reader.issues.enumerated().sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
            throw ConstitutionError(source: source, issues: ordered.map(\.element))
        }
        return constitution
    }

    // MARK: - Reading

    static let topKeys = ["version", "extends", "categories"]
    static let categoryKeys = ["id", "name", "kind", "severity", "action", "harmful", "allowed", "examples"]
    static let exampleKeys = ["harmful", "allowed"]
    static let minimumExamples = 3

    private static func read(_ top: Cursor, yaml: String) -> Constitution {
        let empty = Constitution(version: "", categories: [], contentHash: "")
        guard top.isPresent else {
            top.report("the constitution is empty; it needs at least `version` and `categories`")
            return empty
        }
        guard top.mapping(allowedKeys: topKeys) != nil else { return empty }
        let version = top.child("version").text(required: true) ?? ""
        let extendsNode = top.child("extends")
        let extends = extendsNode.choice(["builtin"]) != nil
        let list = top.child("categories")
        let entries = list.sequence()
        if !extendsNode.isPresent, entries.isEmpty, list.node?.sequence != nil || !list.isPresent {
            list.report(list.isPresent ? "needs at least one category" : "is required")
        }

        let drafts = entries.map(readDraft)
        checkUniqueIDs(drafts)

        var categories: [ConstitutionCategory] = []
        var hash = Constitution.hash(yaml)
        if extends {
            let base = builtin()
            hash = Constitution.hash(base.contentHash + "\n" + yaml)
            var overrides: [String: Draft] = [:]
            for draft in drafts {
                if let id = draft.id, base.category(id) != nil, overrides[id] == nil { overrides[id] = draft }
            }
            for category in base.categories {
                categories.append(overrides[category.id].flatMap { $0.complete(over: category) } ?? category)
            }
            for draft in drafts where draft.id.map({ base.category($0) == nil }) ?? true {
                if let category = draft.complete(over: nil) { categories.append(category) }
            }
        } else {
            categories = drafts.compactMap { $0.complete(over: nil) }
        }
        return Constitution(version: version, categories: categories, contentHash: hash)
    }

    private static func readDraft(_ node: Cursor) -> Draft {
        var draft = Draft(node: node)
        guard let node = node.mapping(allowedKeys: categoryKeys) else { return draft }
        let idNode = node.child("id")
        if let id = idNode.text() {
            if id.range(of: #"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"#, options: .regularExpression) != nil {
                draft.id = id
            } else {
                idNode.report("must be snake_case (lower-case letters, digits and single underscores, starting with a letter); got '\(id)'")
            }
        }
        draft.name = node.child("name").text()
        draft.kind = node.child("kind").choice(ConstitutionCategory.Kind.allCases.map(\.rawValue)).flatMap(ConstitutionCategory.Kind.init)
        draft.severity = node.child("severity").choice(Severity.allCases.map(\.rawValue)).flatMap(Severity.init)
        draft.action = node.child("action").choice(GuardAction.allCases.map(\.rawValue)).flatMap(GuardAction.init)
        draft.harmful = node.child("harmful").text()
        draft.allowed = node.child("allowed").text()
        let examples = node.child("examples")
        if examples.mapping(allowedKeys: exampleKeys) != nil {
            let harmful = readExamples(examples.child("harmful"))
            let allowed = readExamples(examples.child("allowed"))
            let harmfulTexts = Set((harmful ?? []).map(\.text))
            for example in allowed ?? [] where harmfulTexts.contains(example.text) {
                example.node.report("is also listed as a harmful example")
            }
            draft.harmfulExamples = harmful?.map(\.text)
            draft.allowedExamples = allowed?.map(\.text)
        }
        return draft
    }

    /// A list of example texts with their nodes, or `nil` when the key is absent.
    private static func readExamples(_ node: Cursor) -> [(text: String, node: Cursor)]? {
        guard node.isPresent else { return nil }
        var firstLine: [String: Int?] = [:]
        var examples: [(text: String, node: Cursor)] = []
        for element in node.sequence() {
            guard let text = element.text(required: true) else { continue }
            if let line = firstLine[text] {
                element.report("repeats an earlier example\(line.map { " (line \($0))" } ?? "")")
                continue
            }
            firstLine[text] = element.line
            examples.append((text, element))
        }
        if node.node?.sequence != nil, examples.count < minimumExamples {
            node.report("needs at least \(minimumExamples) examples; has \(examples.count)")
        }
        return examples
    }

    private static func checkUniqueIDs(_ drafts: [Draft]) {
        var firstLine: [String: Int?] = [:]
        for draft in drafts {
            guard let id = draft.id else { continue }
            if let line = firstLine[id] {
                draft.node.child("id").report("duplicate id '\(id)'\(line.map { "; first defined on line \($0)" } ?? "")")
            } else {
                firstLine[id] = draft.node.child("id").line
            }
        }
    }

    private static func syntaxIssue(_ error: any Error) -> ConstitutionError.Issue {
        guard let error = error as? YamlError else {
            return .init(path: "", line: nil, message: "YAML syntax error: \(error)")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .init(path: "", line: mark.line, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .init(path: "", line: context.mark.line, message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return .init(path: "", line: nil, message: "YAML syntax error: \(error)")
        }
    }

    // MARK: - Helpers

    /// One category as written: every field optional until it is merged and checked.
    private struct Draft {
        let node: Cursor
        var id: String?
        var name: String?
        var kind: ConstitutionCategory.Kind?
        var severity: Severity?
        var action: GuardAction?
        var harmful: String?
        var allowed: String?
        var harmfulExamples: [String]?
        var allowedExamples: [String]?

        init(node: Cursor) { self.node = node }

        /// The finished category, with `base` supplying the fields not given; reports missing
        /// fields when there is no base. `nil` when something is missing or was invalid.
        func complete(over base: ConstitutionCategory?) -> ConstitutionCategory? {
            guard node.node?.mapping != nil else { return nil }
            if base == nil {
                let fields: [(String, Bool)] = [
                    ("id", id != nil), ("name", name != nil), ("kind", kind != nil), ("severity", severity != nil),
                    ("action", action != nil), ("harmful", harmful != nil), ("allowed", allowed != nil),
                ]
                for (key, present) in fields where !present && !node.child(key).isPresent {
                    node.child(key).report("is required")
                }
                let examples = node.child("examples")
                if examples.isPresent, examples.node?.mapping != nil {
                    for side in exampleKeys where !examples.child(side).isPresent {
                        examples.child(side).report("is required (at least \(minimumExamples) examples)")
                    }
                } else if !examples.isPresent {
                    examples.report("is required: `harmful` and `allowed` lists of at least \(minimumExamples) examples each")
                }
            }
            guard let id = id ?? base?.id, let name = name ?? base?.name, let kind = kind ?? base?.kind,
                  let severity = severity ?? base?.severity, let action = action ?? base?.action,
                  let harmful = harmful ?? base?.harmful, let allowed = allowed ?? base?.allowed,
                  let harmfulExamples = harmfulExamples ?? base?.harmfulExamples,
                  let allowedExamples = allowedExamples ?? base?.allowedExamples
            else { return nil }
            return ConstitutionCategory(id: id, name: name, kind: kind, severity: severity, action: action, harmful: harmful,
                                        allowed: allowed, harmfulExamples: harmfulExamples, allowedExamples: allowedExamples)
        }
    }

    /// Collects issues while a constitution is read, so that its author sees all of them at once.
    private final class Reader {
        var issues: [ConstitutionError.Issue] = []
    }

    /// A YAML node with the key path that leads to it. The typed accessors report problems and
    /// return `nil` instead of throwing, so that reading goes on past the first mistake.
    private struct Cursor {
        let node: Node?
        let path: String
        let parentLine: Int?
        let reader: Reader

        var line: Int? { node?.mark?.line ?? parentLine }

        var isPresent: Bool {
            guard let node else { return false }
            if case .scalar(let scalar) = node, scalar.tag == .init(.null) || (scalar.string.isEmpty && scalar.style == .plain) { return false }
            return true
        }

        func report(_ message: String) {
            reader.issues.append(.init(path: path, line: line, message: message))
        }

        func child(_ key: String) -> Cursor {
            Cursor(node: node?.mapping?[key], path: path.isEmpty ? key : "\(path).\(key)", parentLine: line, reader: reader)
        }

        /// The mapping itself, after reporting any key not in `allowedKeys`; `nil` when absent or not a mapping.
        func mapping(allowedKeys: [String]) -> Cursor? {
            guard isPresent else { return nil }
            guard let mapping = node?.mapping else {
                report("must be a mapping (key: value)")
                return nil
            }
            for key in mapping.keys {
                let name = key.string ?? "\(key)"
                guard !allowedKeys.contains(name) else { continue }
                let keyCursor = Cursor(node: key, path: path.isEmpty ? name : "\(path).\(name)", parentLine: line, reader: reader)
                let hint = SpellingSuggestion.closest(to: name, in: allowedKeys).map { " Did you mean '\($0)'?" } ?? ""
                keyCursor.report("unknown key.\(hint) Allowed here: \(allowedKeys.joined(separator: ", ")).")
            }
            return self
        }

        func sequence() -> [Cursor] {
            guard isPresent else { return [] }
            guard let sequence = node?.sequence else {
                report("must be a list")
                return []
            }
            return sequence.enumerated().map { Cursor(node: $1, path: "\(path)[\($0)]", parentLine: line, reader: reader) }
        }

        /// A text, trimmed of surrounding white space; blank counts as absent.
        func text(required: Bool = false) -> String? {
            guard isPresent else {
                if required { report("is required") }
                return nil
            }
            guard let scalar = node?.scalar else {
                report("must be text, not a \(node?.mapping != nil ? "mapping" : "list")")
                return nil
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                report("must not be blank")
                return nil
            }
            return text
        }

        /// One of `choices`, with a hint when the value is close to one.
        func choice(_ choices: [String]) -> String? {
            guard let value = text() else { return nil }
            guard choices.contains(value) else {
                let hint = SpellingSuggestion.closest(to: value, in: choices).map { " Did you mean '\($0)'?" } ?? ""
                report("must be one of \(choices.joined(separator: ", ")); got '\(value)'.\(hint)")
                return nil
            }
            return value
        }
    }
}

/// A constitution that could not be loaded: every problem found, not just the first.
public struct ConstitutionError: Error, Sendable, CustomStringConvertible {
    /// One problem, located by key path (`categories[3].severity`) and 1-based line when known.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var line: Int?
        public var message: String

        public init(path: String, line: Int?, message: String) {
            self.path = path
            self.line = line
            self.message = message
        }

        public var description: String {
            let location = line.map { "line \($0): " } ?? ""
            return "\(location)\(path.isEmpty ? "(top level)" : path): \(message)"
        }
    }

    /// The file path, or `builtin`.
    public var source: String
    public var issues: [Issue]

    public init(source: String, issues: [Issue]) {
        self.source = source
        self.issues = issues
    }

    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return "\(source): \(issues.count) \(noun)\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
