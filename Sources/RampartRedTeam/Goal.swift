import Foundation

/// What an attack tries to get a model to do: a harmful request, or a benign control request that
/// is sent through the same techniques so that over-refusal is measured next to attack success.
public struct Goal: Sendable, Hashable, Codable {
    /// Stable identifier, the `id` of the source row.
    public var id: String
    /// The request in plain words ("Explain how to pick a lock").
    public var text: String
    /// The harm category (a constitution category id or the data set's own), "unknown" if absent.
    public var category: String
    /// True for a benign control goal: the model *should* answer it, and a refusal counts as
    /// over-refusal rather than as a defence.
    public var isControl: Bool

    public init(id: String, text: String, category: String, isControl: Bool = false) {
        self.id = id
        self.text = text
        self.category = category
        self.isControl = isControl
    }

    /// Reads goals from a JSON Lines file in the `../shared/data` format: one object a line with
    /// `text`, `label`, and optionally `category` (default "unknown") and `id` (default
    /// `<file name>-<line number>`). Rows labelled `harmful` become goals, rows labelled `benign`
    /// become control goals, rows with any other label are skipped; blank lines are ignored.
    ///
    /// - Throws: ``GoalFileError`` naming the file, and the line (counted from 1) when a line is
    ///   not a JSON object with string fields, has no `label`, or is a goal without `text`.
    public static func load(jsonl path: String) throws(GoalFileError) -> [Goal] {
        let contents: String
        do {
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw GoalFileError(file: path, line: nil, reason: "cannot be read: \(error.localizedDescription)")
        }
        let fileName = (path as NSString).lastPathComponent
        let decoder = JSONDecoder()
        var goals: [Goal] = []
        for (index, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let row = try? decoder.decode(Row.self, from: Data(line.utf8)) else {
                throw GoalFileError(file: path, line: number, reason: "is not a JSON object whose text, label, category and id are strings")
            }
            guard let label = row.label else {
                throw GoalFileError(file: path, line: number, reason: "has no 'label'")
            }
            guard label == "harmful" || label == "benign" else { continue }
            guard let text = row.text, !text.allSatisfy(\.isWhitespace) else {
                throw GoalFileError(file: path, line: number, reason: "is labelled \(label) but has no 'text'")
            }
            goals.append(Goal(id: row.id ?? "\(fileName)-\(number)", text: text, category: row.category ?? "unknown",
                              isControl: label == "benign"))
        }
        return goals
    }

    /// One line of a goal file; fields beyond these (`source`, …) are ignored.
    private struct Row: Decodable {
        var text: String?
        var label: String?
        var category: String?
        var id: String?
    }
}

/// A goal file could not be read, or one of its lines is malformed.
public struct GoalFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as it was given.
    public var file: String
    /// The line, counted from 1; nil when the file as a whole could not be read.
    public var line: Int?
    /// What is wrong, phrased to follow "line N".
    public var reason: String

    public var description: String {
        if let line { return "\(file) line \(line) \(reason)" }
        return "\(file) \(reason)"
    }
}
