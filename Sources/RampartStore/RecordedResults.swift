/// The latest red-team run and the latest guard evaluation, as `rampart redteam --record` and
/// `rampart eval --record` left them in the store, for the console and the admin API.
///
/// One record per kind (shared records, id `latest`): recording replaces the previous one, so
/// reading is one small row however many runs there were. The files the CLI writes (`--json`,
/// `--html`, `--junit`) stay the full history; this is what a replica can show at a glance.
public struct RecordedResults: Sendable {
    /// What is recorded.
    public enum Kind: String, Sendable, CaseIterable {
        case redTeamRun = "redteam_run"
        case guardEvaluation = "guard_evaluation"
    }

    private let store: any SharedRecordStore

    public init(store: any SharedRecordStore) {
        self.store = store
    }

    /// Replaces the latest result of `kind` with `json`, a JSON object.
    public func record(_ kind: Kind, json: String) throws {
        _ = try store.put(kind: kind.rawValue, id: "latest", body: json)
    }

    /// The latest result of `kind` as recorded, or `nil` when none was.
    public func latest(_ kind: Kind) throws -> String? {
        try store.records(of: kind.rawValue).bodies.last
    }
}
