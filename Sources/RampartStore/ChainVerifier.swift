import Foundation

/// Walks a stored hash chain, oldest row first, and collects every break it finds: rows missing
/// (deleted), a row whose previous hash is not its predecessor's (replaced), a body that does not
/// match its hash (edited), and an indexed column that says something other than the hashed body
/// (the row edited around its body). Stores feed it rows; it knows nothing of databases.
struct ChainVerifier {
    /// One stored row: ``StoreSchema/verifiedColumns``.
    struct Row {
        var seq: Int64
        var id: String
        var timeMs: Int64
        var kind: String
        var keyID: String?
        var tenant: String?
        var alias: String?
        var outcome: String
        var body: String
        var previousHash: String
        var hash: String
    }

    /// Problems after which the walk stops: past this the report says nothing new.
    static let problemLimit = 50

    let anchor: ChainHead
    private var expected: ChainHead
    private var problems: [String] = []
    private var count = 0

    init(anchor: ChainHead) {
        self.anchor = anchor
        expected = anchor
    }

    /// Checks the next row; returns false once enough problems are found to stop reading.
    mutating func check(_ row: Row) -> Bool {
        count += 1
        if row.seq != expected.seq + 1 {
            problems.append("seq \(row.seq): events \(expected.seq + 1)–\(row.seq - 1) are missing (deleted)")
        } else if row.previousHash != expected.hash {
            problems.append("seq \(row.seq): its previous hash does not match event \(expected.seq) (an event was replaced)")
        }
        if AuditChain.hash(previous: row.previousHash, body: row.body) != row.hash {
            problems.append("seq \(row.seq): its body does not match its hash (the event was edited)")
        } else if let mismatch = Self.columnMismatch(row) {
            problems.append("seq \(row.seq): column \(mismatch) does not match the hashed body (the row was edited)")
        }
        expected = ChainHead(seq: row.seq, hash: row.hash)
        if problems.count >= Self.problemLimit {
            problems.append("… stopped after \(Self.problemLimit) problems")
            return false
        }
        return true
    }

    var verification: AuditVerification {
        AuditVerification(events: count, head: expected, anchor: anchor, problems: problems)
    }

    /// The first indexed column whose value differs from the body's, if any.
    private static func columnMismatch(_ row: Row) -> String? {
        guard let event = try? AuditChain.decode(row.body) else { return "body" }
        let checks: [(String, String?, String?)] = [
            ("id", row.id, event.id), ("kind", row.kind, event.kind.rawValue), ("key_id", row.keyID, event.keyID),
            ("tenant", row.tenant, event.tenant), ("alias", row.alias, event.alias), ("outcome", row.outcome, event.outcome.rawValue),
        ]
        if let (name, _, _) = checks.first(where: { $0.1 != $0.2 }) { return name }
        return row.timeMs == AuditChain.milliseconds(event.time) ? nil : "time_ms"
    }
}

extension AuditChain {
    /// `date` in whole milliseconds since 1970: the stores' `time_ms` columns.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The links `events` add to a chain ending at `head`: each event's sequence number, previous
    /// hash and hash, skipping events whose id is in `stored` or earlier in `events` (a journal
    /// replayed after a crash can hold events already stored).
    static func link(_ events: [JournaledEvent], after head: ChainHead, skipping stored: Set<String>) -> [ChainLink] {
        var seen = stored
        var links: [ChainLink] = []
        links.reserveCapacity(events.count)
        var previous = head
        for item in events where seen.insert(item.columns.id).inserted {
            let link = ChainLink(item: item, seq: previous.seq + 1, previousHash: previous.hash,
                                 hash: hash(previous: previous.hash, body: item.body))
            links.append(link)
            previous = ChainHead(seq: link.seq, hash: link.hash)
        }
        return links
    }
}

/// An event placed in the chain: what a store writes as one row.
struct ChainLink {
    var item: JournaledEvent
    var seq: Int64
    var previousHash: String
    var hash: String
}
