import Foundation

/// What `rampart redteam --json` writes: the run's settings, its analysis, the diff against a
/// baseline when one was given, and every attempt with why it was judged as it was. Stable:
/// `version` changes when a field changes meaning.
public struct RedTeamReport: Sendable, Codable {
    public var version = 1
    public var target: String
    public var seed: UInt64
    public var techniques: [String]
    public var mutators: [String]
    public var goals: Int
    public var controls: Int
    public var analysis: RunAnalysis
    public var baseline: BaselineDiff?
    public var records: [AttemptRecord]

    public init(target: String, run: RedTeamRun, records: [AttemptRecord], baseline: RunAnalysis?) {
        self.target = target
        seed = run.seed
        // The run's techniques, then any other that attempts name (the attacker search's).
        var techniques = run.techniques.map(\.id)
        for record in records where !record.isControl && !techniques.contains(record.technique) { techniques.append(record.technique) }
        self.techniques = techniques
        mutators = run.mutators.map(\.id)
        goals = run.goals.count
        controls = run.controls.count
        let analysis = RunAnalysis(records)
        self.analysis = analysis
        self.baseline = baseline.map { BaselineDiff(baseline: $0, current: analysis) }
        self.records = records
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    public static func read(_ data: Data) throws -> RedTeamReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in ReportKey(snakeCase: path.last?.stringValue ?? "") }
        return try decoder.decode(RedTeamReport.self, from: data)
    }

    /// A snake_case key read back as the property it was written from: `goal_id` → `goalID`
    /// (`convertFromSnakeCase` would make it `goalId`, which matches nothing).
    private struct ReportKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(snakeCase: String) {
            let parts = snakeCase.split(separator: "_").map(String.init)
            stringValue = (parts.first ?? "") + parts.dropFirst().map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }

        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
