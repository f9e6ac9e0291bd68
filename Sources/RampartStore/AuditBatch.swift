import Foundation

/// Events appended together, as the stores keep them since schema v5: one row of table
/// `audit_batches` per append, instead of one row per event.
///
/// A row costs the database one insert however many events it holds, where a row per event cost
/// a B-tree insert per index each (most of the audit writer's time). The chain is unchanged:
/// every event still has its own sequence number and hash, kept in order in ``hashes``.
///
/// Columns: `first_seq` and `last_seq` (the events' sequence numbers), `first_id` (the first
/// event's id, unique: a replayed journal segment is found by it), `min_time_ms` and
/// `max_time_ms` (the events' time range, for queries), `prev_hash` (the hash before the first
/// event), `hashes` (each event's hash, 64 hex digits apiece) and `bodies` (each event's canonical
/// JSON, one per line: canonical JSON has no raw line breaks).
struct AuditBatch {
    var firstSeq: Int64
    var lastSeq: Int64
    var firstID: String
    var minTimeMs: Int64
    var maxTimeMs: Int64
    var previousHash: String
    var hashes: String
    var bodies: String

    /// The columns in the order ``init(chaining:after:)``'s row is written and read.
    static let columns = "first_seq, last_seq, first_id, min_time_ms, max_time_ms, prev_hash, hashes, bodies"

    init(firstSeq: Int64, lastSeq: Int64, firstID: String, minTimeMs: Int64, maxTimeMs: Int64, previousHash: String, hashes: String, bodies: String) {
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.firstID = firstID
        self.minTimeMs = minTimeMs
        self.maxTimeMs = maxTimeMs
        self.previousHash = previousHash
        self.hashes = hashes
        self.bodies = bodies
    }

    /// `events` chained after `head`, or nil when there are none.
    init?(chaining events: [JournaledEvent], after head: ChainHead) {
        guard let first = events.first else { return nil }
        firstSeq = head.seq + 1
        lastSeq = head.seq + Int64(events.count)
        firstID = first.id
        previousHash = head.hash
        minTimeMs = first.timeMs
        maxTimeMs = first.timeMs
        hashes = ""
        hashes.reserveCapacity(64 * events.count)
        bodies = ""
        bodies.reserveCapacity(events.reduce(0) { $0 + $1.body.utf8.count + 1 })
        var previous = head.hash
        for item in events {
            previous = AuditChain.hash(previous: previous, body: item.body)
            hashes += previous
            if !bodies.isEmpty { bodies += "\n" }
            bodies += item.body
            minTimeMs = min(minTimeMs, item.timeMs)
            maxTimeMs = max(maxTimeMs, item.timeMs)
        }
    }

    /// The chain's end after this batch.
    var head: ChainHead {
        ChainHead(seq: lastSeq, hash: String(hashes.suffix(64)))
    }

    /// The events' bodies, in order.
    var lines: [Substring] {
        bodies.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `events` less those already stored: a journal segment replayed after a crash was stored
    /// whole, as the batch its first event starts, or (before schema v5) event by event.
    /// - Parameters:
    ///   - batchStarting: the bodies of the stored batch whose first event has this id, if any.
    ///   - storedOneRowEach: which of these ids are stored a row each (table `audit_events`).
    static func unstored(
        _ events: [JournaledEvent], batchStarting: (String) throws -> String?, storedOneRowEach: ([String]) throws -> Set<String>
    ) rethrows -> [JournaledEvent] {
        var events = events
        while let first = events.first {
            let stored: Set<String>
            if let bodies = try batchStarting(first.id) {
                stored = Set(ids(in: bodies))
            } else if try !storedOneRowEach([first.id]).isEmpty {
                stored = try storedOneRowEach(events.map(\.id))
            } else {
                break
            }
            events.removeAll { stored.contains($0.id) }
        }
        return events
    }

    /// The ids of the events in `bodies` (a batch's), in order.
    static func ids(in bodies: String) -> [String] {
        bodies.split(separator: "\n").compactMap { try? AuditChain.decode(String($0)).id }
    }

    /// The hash of the event at `index`, or nil past the end of ``hashes``.
    func hash(at index: Int) -> String? {
        let utf8 = hashes.utf8
        guard index >= 0, (index + 1) * 64 <= utf8.count else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: index * 64)
        return String(hashes[start..<utf8.index(start, offsetBy: 64)])
    }

    /// The events from `start` (inclusive) to `end` (exclusive), of `kind` when given, with their
    /// sequence numbers. Bodies that cannot be decoded are skipped (`audit verify` reports them).
    func events(fromMs start: Int64, toMs end: Int64, kind: AuditEvent.Kind? = nil) -> [StoredEvent] {
        let marker = kind.map { #""kind":"\#($0.rawValue)""# }
        var found: [StoredEvent] = []
        for (index, line) in lines.enumerated() {
            if let marker, !line.contains(marker) { continue }
            guard let event = try? AuditChain.decode(String(line)) else { continue }
            let timeMs = AuditChain.milliseconds(event.time)
            guard timeMs >= start, timeMs < end, kind == nil || event.kind == kind else { continue }
            found.append(StoredEvent(timeMs: timeMs, seq: firstSeq + Int64(index), event: event))
        }
        return found
    }
}

/// An event read back from a store, with where it sits in time and in the chain.
struct StoredEvent {
    var timeMs: Int64
    var seq: Int64
    var event: AuditEvent

    /// `events` in the stores' reading order: by time, then by sequence number.
    static func ordered(_ events: [StoredEvent]) -> [AuditEvent] {
        events.sorted { ($0.timeMs, $0.seq) < ($1.timeMs, $1.seq) }.map(\.event)
    }
}
