import Foundation
import RampartWire
import Yams

/// One problem found in a configuration file, located by key path and line.
public struct ConfigIssue: Sendable, Hashable, CustomStringConvertible {
    /// Dotted/indexed key path (`providers[2].base_url`).
    public var path: String
    /// 1-based line in the file, when known.
    public var line: Int?
    public var message: String

    public var description: String {
        let location = line.map { "line \($0): " } ?? ""
        return "\(location)\(path.isEmpty ? "(top level)" : path): \(message)"
    }
}

/// A configuration that could not be loaded: every problem found, not just the first.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var issues: [ConfigIssue]

    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return "\(source): \(issues.count) \(noun)\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// Collects issues while a configuration is read, so that a user sees all of them at once.
final class ConfigDiagnostics {
    private(set) var issues: [ConfigIssue] = []
    let environment: [String: String]

    init(environment: [String: String]) {
        self.environment = environment
    }

    func report(_ node: ConfigNode, _ message: String) {
        issues.append(ConfigIssue(path: node.path, line: node.line, message: message))
    }
}

/// A YAML node with the key path that leads to it; the typed accessors report problems to the
/// diagnostics and return `nil` instead of throwing, so reading goes on past the first mistake.
struct ConfigNode {
    let node: Node?
    let path: String
    let parentLine: Int?
    let diagnostics: ConfigDiagnostics

    var line: Int? { node?.mark?.line ?? parentLine }
    var isPresent: Bool {
        guard let node else { return false }
        if case .scalar(let scalar) = node, scalar.tag == .init(.null) || (scalar.string.isEmpty && scalar.style == .plain) { return false }
        return true
    }

    func child(_ key: String) -> ConfigNode {
        ConfigNode(node: node?.mapping?[key], path: path.isEmpty ? key : "\(path).\(key)", parentLine: line, diagnostics: diagnostics)
    }

    /// The members of a mapping; unknown keys are reported with a suggestion.
    func mapping(allowedKeys: [String]) -> ConfigNode? {
        guard isPresent else { return nil }
        guard let mapping = node?.mapping else {
            diagnostics.report(self, "must be a mapping (key: value)")
            return nil
        }
        for key in mapping.keys {
            let name = key.string ?? ""
            if !allowedKeys.contains(name) {
                let keyNode = ConfigNode(node: key, path: path.isEmpty ? name : "\(path).\(name)", parentLine: line, diagnostics: diagnostics)
                let hint = SpellingSuggestion.closest(to: name, in: allowedKeys).map { " Did you mean '\($0)'?" } ?? ""
                diagnostics.report(keyNode, "unknown key.\(hint) Allowed here: \(allowedKeys.joined(separator: ", ")).")
            }
        }
        return self
    }

    /// The elements of a sequence.
    func sequence() -> [ConfigNode] {
        guard isPresent else { return [] }
        guard let sequence = node?.sequence else {
            diagnostics.report(self, "must be a list")
            return []
        }
        return sequence.enumerated().map { ConfigNode(node: $1, path: "\(path)[\($0)]", parentLine: line, diagnostics: diagnostics) }
    }

    /// The keys and nodes of a mapping whose keys are free-form (headers, attributes).
    func entries() -> [(String, ConfigNode)] {
        guard isPresent else { return [] }
        guard let mapping = node?.mapping else {
            diagnostics.report(self, "must be a mapping (key: value)")
            return []
        }
        return mapping.map { key, value in
            let name = key.string ?? ""
            return (name, ConfigNode(node: value, path: "\(path).\(name)", parentLine: line, diagnostics: diagnostics))
        }
    }

    func string(required: Bool = false) -> String? {
        guard isPresent else {
            if required { diagnostics.report(self, "is required") }
            return nil
        }
        guard let scalar = node?.scalar else {
            diagnostics.report(self, "must be a string")
            return nil
        }
        return scalar.string
    }

    func int(min: Int? = nil, max: Int? = nil) -> Int? {
        guard isPresent else { return nil }
        guard let value = node?.int else {
            diagnostics.report(self, "must be a whole number")
            return nil
        }
        if let min, value < min { diagnostics.report(self, "must be at least \(min)"); return nil }
        if let max, value > max { diagnostics.report(self, "must be at most \(max)"); return nil }
        return value
    }

    func double(min: Double, max: Double) -> Double? {
        guard isPresent else { return nil }
        guard let value = node?.float else {
            diagnostics.report(self, "must be a number")
            return nil
        }
        guard (min...max).contains(value) else {
            diagnostics.report(self, "must be between \(min) and \(max)")
            return nil
        }
        return value
    }

    /// A whole number of milliseconds (keys ending in `_ms`), at least `min`.
    func milliseconds(min: Int = 1) -> Duration? {
        int(min: min, max: 365 * 24 * 3_600_000).map { .milliseconds($0) }
    }

    /// A date, written `2026-12-31` (midnight UTC) or as an RFC 3339 time.
    func date(required: Bool = false) -> Date? {
        guard let text = string(required: required) else { return nil }
        if let date = ConfigDates.parse(text) { return date }
        diagnostics.report(self, "must be a date such as 2026-12-31 or 2026-12-31T18:00:00Z; got '\(text)'")
        return nil
    }

    /// A mapping of names to one value or a list of values (attributes, access rules).
    func stringLists() -> [(String, [String])] {
        entries().compactMap { name, value in
            if let list = value.node?.sequence { return (name, list.compactMap(\.string)) }
            return value.string().map { (name, [$0]) }
        }
    }

    func bool() -> Bool? {
        guard isPresent else { return nil }
        guard let value = node?.bool else {
            diagnostics.report(self, "must be true or false")
            return nil
        }
        return value
    }

    /// One of `choices`.
    func choice(_ choices: [String], required: Bool = false) -> String? {
        guard let value = string(required: required) else { return nil }
        guard choices.contains(value) else {
            diagnostics.report(self, "must be one of \(choices.joined(separator: ", ")); got '\(value)'")
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values, as that case.
    func choice<Value: CaseIterable & RawRepresentable>(of type: Value.Type) -> Value? where Value.RawValue == String {
        choice(Value.allCases.map(\.rawValue)).flatMap(Value.init(rawValue:))
    }

    /// A secret: `env:NAME` reads the environment variable NAME; anything else is the secret itself.
    func secret(required: Bool = false) -> String? {
        guard let value = string(required: required) else { return nil }
        guard value.hasPrefix("env:") else { return value }
        let name = String(value.dropFirst(4))
        guard let resolved = diagnostics.environment[name], !resolved.isEmpty else {
            diagnostics.report(self, "names the environment variable \(name), which is not set")
            return nil
        }
        return resolved
    }
}

/// Dates as configuration files write them.
enum ConfigDates {
    static func parse(_ text: String) -> Date? {
        if let date = Timestamps.parse(text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
