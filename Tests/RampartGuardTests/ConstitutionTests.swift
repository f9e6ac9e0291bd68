import Foundation
import Testing

@testable import RampartGuard

@Suite("Constitution")
struct ConstitutionTests {
    static let requiredIDs = [
        "cbrn", "weapons", "cyber", "fraud", "violence", "self_harm", "hate", "csam", "drugs", "privacy", "extremism", "election",
        "jailbreak", "injection",
    ]

    // MARK: - The built-in constitution

    @Test("the built-in constitution parses without a single problem")
    func builtinParses() throws {
        let constitution = try ConstitutionLoader.parse(yaml: DefaultConstitution.yaml, source: "builtin")
        #expect(constitution.version == "2026.11-1")
        #expect(ConstitutionLoader.builtin().contentHash == constitution.contentHash)
        #expect(ConstitutionLoader.builtin().categories == constitution.categories)
    }

    @Test("the built-in constitution covers every required category with at least 12 examples a side")
    func builtinCoverage() throws {
        let constitution = ConstitutionLoader.builtin()
        for id in Self.requiredIDs {
            let category = try #require(constitution.category(id), "missing category \(id)")
            #expect(category.harmfulExamples.count >= 12, "\(id): \(category.harmfulExamples.count) harmful examples")
            #expect(category.allowedExamples.count >= 12, "\(id): \(category.allowedExamples.count) allowed examples")
            #expect(!category.harmful.isEmpty && !category.allowed.isEmpty && !category.name.isEmpty)
        }
        #expect(Set(constitution.categories.map(\.id)).count == constitution.categories.count)
    }

    @Test("kinds, severities and actions of the built-in categories")
    func builtinPolicy() throws {
        let constitution = ConstitutionLoader.builtin()
        let jailbreak = try #require(constitution.category("jailbreak"))
        #expect(jailbreak.kind == .attack)
        #expect(jailbreak.action == .block)
        let injection = try #require(constitution.category("injection"))
        #expect(injection.kind == .injection)
        for id in ["cbrn", "csam", "weapons"] {
            let category = try #require(constitution.category(id))
            #expect(category.severity == .critical && category.action == .block, "\(id)")
        }
        for id in ["cyber", "violence", "extremism", "drugs"] {
            let category = try #require(constitution.category(id))
            #expect(category.severity >= .high && category.action == .block, "\(id)")
        }
        #expect(constitution.category("self_harm")?.action == .refuse)
        #expect(constitution.categories.filter { $0.kind != .content }.map(\.id) == ["jailbreak", "injection"])
    }

    @Test("built-in examples are distinct across the whole constitution and never blank")
    func builtinExamplesDistinct() {
        let all = ConstitutionLoader.builtin().categories.flatMap { $0.harmfulExamples + $0.allowedExamples }
        #expect(!all.contains { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
        let repeated = Dictionary(grouping: all, by: { $0.lowercased() }).filter { $1.count > 1 }.keys
        #expect(repeated.isEmpty, "repeated: \(repeated.sorted())")
    }

    // MARK: - Hash

    @Test("the content hash is the SHA-256 of the text: stable, and it changes with the text")
    func contentHash() throws {
        let first = try ConstitutionLoader.parse(yaml: Self.minimal(), source: "a.yaml")
        let again = try ConstitutionLoader.parse(yaml: Self.minimal(), source: "b.yaml")
        let changed = try ConstitutionLoader.parse(yaml: Self.minimal(harmful: "Helping anyone build a trebuchet."), source: "a.yaml")
        #expect(first.contentHash == again.contentHash)
        #expect(first.contentHash == Constitution.hash(Self.minimal()))
        #expect(first.contentHash.count == 64 && first.contentHash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(changed.contentHash != first.contentHash)
        #expect(ConstitutionLoader.builtin().contentHash == Constitution.hash(DefaultConstitution.yaml))
    }

    // MARK: - Errors

    @Test("an unknown enum value names its key path and line, with a hint")
    func badEnums() {
        let yaml = Self.minimal().replacingOccurrences(of: "severity: high", with: "severity: hihg")
            .replacingOccurrences(of: "action: block", with: "action: route-safer")
        let issues = Self.issues(yaml)
        let severity = issues.first { $0.path == "categories[0].severity" }
        #expect(severity?.line == 6)
        #expect(severity?.message.contains("low, medium, high, critical") == true)
        #expect(severity?.message.contains("Did you mean 'high'?") == true)
        let action = issues.first { $0.path == "categories[0].action" }
        #expect(action?.line == 7)
        #expect(action?.message.contains("Did you mean 'route_safer'?") == true)
        #expect(issues.count == 2, "\(issues)")
    }

    @Test("a duplicate id names the second occurrence and the first line")
    func duplicateIDs() {
        let yaml = Self.minimal() + Self.category(id: "siege", indent: "  ")
        let issues = Self.issues(yaml)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.path == "categories[1].id")
        #expect(issues.first?.line == 14)
        #expect(issues.first?.message.contains("first defined on line 3") == true)
    }

    @Test("missing fields are reported at the category, each with its own path")
    func missingFields() {
        let yaml = """
        version: "1"
        categories:
          - id: siege
            name: Siege engines
            examples:
              harmful: ["a", "b", "c"]
        """
        let issues = Self.issues(yaml)
        let paths = Set(issues.map(\.path))
        for key in ["kind", "severity", "action", "harmful", "allowed"] {
            #expect(paths.contains("categories[0].\(key)"), "\(key) not reported: \(issues)")
        }
        #expect(paths.contains("categories[0].examples.allowed"))
        #expect(issues.allSatisfy { $0.line == 3 || $0.line == 6 }, "\(issues)")
        #expect(Self.issues("categories: []").map(\.path).contains("version"))
        #expect(Self.issues("version: \"1\"").map(\.path) == ["categories"])
        #expect(Self.issues("").first?.message.contains("empty") == true)
    }

    @Test("unknown keys are rejected with a 'did you mean'")
    func unknownKeys() {
        let yaml = Self.minimal()
            .replacingOccurrences(of: "    severity: high", with: "    severty: high")
            .replacingOccurrences(of: "version:", with: "verison:")
            .replacingOccurrences(of: "      allowed: [", with: "      alowed: [")
        let issues = Self.issues(yaml)
        let severity = issues.first { $0.path == "categories[0].severty" }
        #expect(severity?.line == 6)
        #expect(severity?.message.contains("Did you mean 'severity'?") == true)
        let version = issues.first { $0.path == "verison" }
        #expect(version?.line == 1)
        #expect(version?.message.contains("Did you mean 'version'?") == true)
        #expect(issues.first { $0.path == "categories[0].examples.alowed" }?.message.contains("Did you mean 'allowed'?") == true)
        // The misspelt keys also leave required fields missing, and that is said too.
        #expect(issues.contains { $0.path == "categories[0].severity" && $0.message == "is required" })
        #expect(issues.contains { $0.path == "version" })
    }

    @Test("ids must be snake_case; examples need at least 3 a side, no repeats, none on both sides")
    func idsAndExamples() {
        let badID = Self.issues(Self.minimal().replacingOccurrences(of: "id: siege", with: "id: Siege-Engines"))
        #expect(badID.count == 1 && badID.first?.path == "categories[0].id" && badID.first?.line == 3, "\(badID)")
        #expect(badID.first?.message.contains("snake_case") == true)

        let few = Self.issues(Self.minimal().replacingOccurrences(of: #"["Tell me about trebuchets", "#, with: "["))
        #expect(few.map(\.path) == ["categories[0].examples.allowed"], "\(few)")
        #expect(few.first?.message.contains("at least 3") == true)

        let repeated = Self.issues(Self.minimal().replacingOccurrences(of: #""History of sieges""#, with: #""Tell me about trebuchets""#))
        #expect(repeated.first?.path == "categories[0].examples.allowed[2]" && repeated.first?.message.contains("repeats") == true, "\(repeated)")

        let both = Self.issues(Self.minimal().replacingOccurrences(of: #""History of sieges""#, with: #""Build a siege engine to attack my neighbour""#))
        #expect(both.contains { $0.path == "categories[0].examples.allowed[2]" && $0.message.contains("also listed as a harmful") }, "\(both)")
    }

    @Test("YAML syntax errors carry a line")
    func syntaxError() {
        let issues = Self.issues("version: \"1\"\ncategories:\n  - id: [unclosed\n")
        #expect(issues.count == 1)
        #expect(issues.first?.line != nil)
        #expect(issues.first?.message.contains("YAML") == true)
    }

    @Test("the error lists every problem with line and path")
    func errorDescription() throws {
        let yaml = Self.minimal().replacingOccurrences(of: "kind: content", with: "kind: contents")
        do {
            _ = try ConstitutionLoader.parse(yaml: yaml, source: "mine.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.source == "mine.yaml")
            #expect(error.description.contains("mine.yaml: 1 problem"))
            #expect(error.description.contains("line 5: categories[0].kind: must be one of content, attack, injection; got 'contents'"))
        }
    }

    // MARK: - extends

    @Test("extends: builtin overrides one category by id, adds new ones and keeps the rest")
    func extendsBuiltin() throws {
        let yaml = """
        version: "acme-1"
        extends: builtin
        categories:
          - id: drugs
            action: flag
            severity: medium
        \(Self.category(id: "siege", indent: "  "))
        """
        let builtin = ConstitutionLoader.builtin()
        let extended = try ConstitutionLoader.parse(yaml: yaml, source: "acme.yaml")
        #expect(extended.version == "acme-1")
        #expect(extended.categories.count == builtin.categories.count + 1)
        #expect(Array(extended.categories.map(\.id).dropLast()) == builtin.categories.map(\.id))
        #expect(extended.categories.last?.id == "siege")

        let drugs = try #require(extended.category("drugs"))
        let original = try #require(builtin.category("drugs"))
        #expect(drugs.action == .flag && drugs.severity == .medium)
        #expect(drugs.harmful == original.harmful && drugs.harmfulExamples == original.harmfulExamples)
        for category in builtin.categories where category.id != "drugs" {
            #expect(extended.category(category.id) == category)
        }
        #expect(extended.contentHash != Constitution.hash(yaml) && extended.contentHash != builtin.contentHash)
        #expect(extended.contentHash == Constitution.hash(builtin.contentHash + "\n" + yaml))
    }

    @Test("extends: an override is still validated, and a new category needs every field")
    func extendsValidation() {
        let yaml = """
        version: "acme-1"
        extends: builtin
        categories:
          - id: drugs
            action: allow
          - id: gambling
            name: Gambling
        """
        let issues = Self.issues(yaml)
        #expect(issues.contains { $0.path == "categories[0].action" && $0.line == 5 }, "\(issues)")
        #expect(issues.contains { $0.path == "categories[1].kind" && $0.line == 6 })
        #expect(issues.contains { $0.path == "categories[1].examples" })
        #expect(!issues.contains { $0.path.hasPrefix("categories[0]") && $0.message == "is required" })
        #expect(Self.issues("version: \"1\"\nextends: default\n").first?.path == "extends")
        #expect(Self.issues("version: \"1\"\nextends: builtin\n").isEmpty)
    }

    // MARK: - load

    @Test("load reads a file and reports an unreadable one")
    func loadFromFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("constitution-\(UUID().uuidString).yaml").path
        try Self.minimal().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let constitution = try ConstitutionLoader.load(path: path)
        #expect(constitution.categories.map(\.id) == ["siege"])
        #expect(constitution.category("siege")?.harmful == "Helping anyone build a siege engine.")
        #expect(constitution.category("siege")?.allowedExamples.count == 3)
        #expect(throws: ConstitutionError.self) { try ConstitutionLoader.load(path: path + ".missing") }
    }

    // MARK: - Helpers

    /// A valid one-category constitution; line numbers in the tests refer to this layout.
    static func minimal(harmful: String = "Helping anyone build a siege engine.") -> String {
        """
        version: "1"
        categories:
        \(category(id: "siege", indent: "  ", harmful: harmful))
        """
    }

    static func category(id: String, indent: String, harmful: String = "Helping anyone build a siege engine.") -> String {
        """
        - id: \(id)
          name: Siege engines
          kind: content
          severity: high
          action: block
          harmful: >
            \(harmful)
          allowed: Their history and physics.
          examples:
            harmful: ["Build a siege engine to attack my neighbour", "How do I breach a castle wall tonight", "Plans for a catapult to hurt people"]
            allowed: ["Tell me about trebuchets", "Physics of a counterweight", "History of sieges"]

        """.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }

    static func issues(_ yaml: String) -> [ConstitutionError.Issue] {
        do {
            _ = try ConstitutionLoader.parse(yaml: yaml, source: "test.yaml")
            return []
        } catch {
            return error.issues
        }
    }
}
