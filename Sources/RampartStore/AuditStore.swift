import Foundation

/// Where audit events are kept: the seam between the writer (``AuditLog``) and a database.
///
/// Calls block; the writer makes them from its own thread, never from a request's task.
public protocol AuditStore: Sendable {
    /// Appends events in the order given, continuing the hash chain, as one batch. An append
    /// replayed is not stored twice: when the first event is already stored, the events stored with
    /// it are skipped (a journal segment replayed after a crash holds exactly those).
    /// Returns the chain's head afterwards.
    func append(_ events: [JournaledEvent]) throws -> ChainHead
    /// The last stored event's sequence number and hash (``ChainHead/empty`` for an empty trail).
    func head() throws -> ChainHead
    /// Walks the whole chain and reports every break found.
    func verify() throws -> AuditVerification
    /// Events from `start` (inclusive) to `end` (exclusive), oldest first.
    func events(from start: Date, to end: Date) throws -> [AuditEvent]
    /// Events of one kind from `start` to `end`, oldest first: the kind is filtered by the
    /// database, so only those bodies are read and decoded (canary runs, shadow verdicts).
    func events(of kind: AuditEvent.Kind, from start: Date, to end: Date) throws -> [AuditEvent]
    /// Deletes the oldest events, up to the first one at or after `cutoff`, keeping the hash of the
    /// last deleted event as the chain's new anchor. Returns how many were deleted.
    func prune(before cutoff: Date) throws -> Int
}

/// An event as the journal and the store carry it: its canonical JSON, with its id and time.
/// (Not the event itself: the writer thread need not hold, and free, everything a request built.)
public struct JournaledEvent: Sendable {
    public var id: String
    /// ``AuditEvent/time`` in whole milliseconds.
    public var timeMs: Int64
    /// ``AuditChain/encode(_:)`` of the event: what is stored and hashed.
    public var body: String

    public init(event: AuditEvent) {
        id = event.id
        timeMs = AuditChain.milliseconds(event.time)
        body = AuditChain.encode(event)
    }

    public init(body: String) throws {
        let event = try AuditChain.decode(body)
        self.body = body
        id = event.id
        timeMs = AuditChain.milliseconds(event.time)
    }
}

/// The end of the hash chain.
public struct ChainHead: Codable, Sendable, Hashable {
    public var seq: Int64
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    public static let empty = ChainHead(seq: 0, hash: AuditChain.genesis)
}

/// What `rampart audit verify` found.
public struct AuditVerification: Sendable, Codable {
    /// Events checked.
    public var events: Int
    /// The chain's head as stored.
    public var head: ChainHead
    /// Where the chain starts (after pruned events: their last hash).
    public var anchor: ChainHead
    /// Each break, with the sequence number where it shows.
    public var problems: [String]

    public var intact: Bool { problems.isEmpty }
}

/// `store.url`: where the audit trail lives.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file (`sqlite://PATH`; a relative path is taken from the working directory).
    case sqlite(path: String)
    /// A PostgreSQL database (`postgres://user:pass@host:5432/db`).
    case postgres(url: String)

    /// Reads a `store.url`; the error says what form is expected.
    public static func parse(_ url: String) throws(StoreError) -> StoreLocation {
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw StoreError("'\(url)' names no file; write sqlite://rampart.db or sqlite:///var/lib/rampart/rampart.db") }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            _ = try PostgresSettings.parse(url)
            return .postgres(url: url)
        }
        throw StoreError("'\(url)' is not a store URL; write sqlite://PATH or postgres://user:pass@host:5432/db")
    }

    /// Opens the store, creating its tables or bringing them up to date.
    public func open() throws(StoreError) -> any RampartDatabase {
        switch self {
        case .sqlite(let path): try SQLiteAuditStore(path: path)
        case .postgres(let url): try PostgresAuditStore(url: url)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let url): Self.withoutPassword(url)
        }
    }

    /// `url` with any password replaced by `***`, for logs and messages.
    static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}

/// A store that cannot be opened, read or written.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
