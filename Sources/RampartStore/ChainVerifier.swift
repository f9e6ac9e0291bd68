import Foundation

/// Walks a stored hash chain, oldest row first, and collects every break it finds: rows missing
/// (deleted), a row whose previous hash is not its predecessor's (replaced), a body that does not
/// match its hash (edited), and an indexed column that says something other than the hashed body
/// (the row edited around its body). Stores feed it rows — one per event (schema v1) or one per
/// batch (``AuditBatch``, schema v5), oldest first; it knows nothing of databases.
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
        if checkLink(seq: row.seq, previousHash: row.previousHash, body: row.body, hash: row.hash), let mismatch = Self.columnMismatch(row) {
            problems.append("seq \(row.seq): column \(mismatch) does not match the hashed body (the row was edited)")
        }
        return keepGoing()
    }

    /// Checks the next batch, event by event, and its columns against its bodies; returns false
    /// once enough problems are found to stop reading.
    mutating func check(_ batch: AuditBatch) -> Bool {
        let lines = batch.lines
        let count = Int(batch.lastSeq - batch.firstSeq + 1)
        let events = lines.compactMap { try? AuditChain.decode(String($0)) }
        let times = events.map { AuditChain.milliseconds($0.time) }
        if count != lines.count || batch.hashes.utf8.count != 64 * lines.count || events.first?.id != batch.firstID
            || times.min() != batch.minTimeMs || times.max() != batch.maxTimeMs {
            problems.append("seq \(batch.firstSeq): the batch's columns do not match its bodies (the row was edited)")
        }
        var previous = batch.previousHash
        for (index, line) in lines.enumerated() {
            let hash = batch.hash(at: index) ?? ""
            _ = checkLink(seq: batch.firstSeq + Int64(index), previousHash: previous, body: String(line), hash: hash)
            previous = hash
            guard keepGoing() else { return false }
        }
        return true
    }

    /// Checks one event's place in the chain and its body against its hash; true when the body matches.
    private mutating func checkLink(seq: Int64, previousHash: String, body: String, hash: String) -> Bool {
        count += 1
        if seq != expected.seq + 1 {
            problems.append("seq \(seq): events \(expected.seq + 1)–\(seq - 1) are missing (deleted)")
        } else if previousHash != expected.hash {
            problems.append("seq \(seq): its previous hash does not match event \(expected.seq) (an event was replaced)")
        }
        expected = ChainHead(seq: seq, hash: hash)
        guard AuditChain.hash(previous: previousHash, body: body) == hash else {
            problems.append("seq \(seq): its body does not match its hash (the event was edited)")
            return false
        }
        return true
    }

    private mutating func keepGoing() -> Bool {
        guard problems.count >= Self.problemLimit else { return true }
        problems.append("… stopped after \(Self.problemLimit) problems")
        return false
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
}
