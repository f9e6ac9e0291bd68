import Foundation
import GRDB

/// Where incidents are kept: the seam between the CLI, the admin API and a database.
public protocol IncidentStore: Sendable {
    /// Stores a new incident under the next `INC-<n>` id and returns it.
    func open(_ incident: Incident) throws -> Incident
    func incident(id: String) throws -> Incident?
    /// Incidents, newest first; only those in `status` when given.
    func incidents(status: Incident.Status?) throws -> [Incident]
    /// Changes an incident in one transaction and returns it; throws ``StoreError`` when there is no such incident.
    func update(id: String, _ change: @Sendable (inout Incident) throws -> Void) throws -> Incident
}

extension SQLiteAuditStore: IncidentStore {
    public func open(_ incident: Incident) throws -> Incident {
        try pool.write { db in
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM incidents") ?? 0) + 1
            var stored = incident
            stored.id = "INC-\(number)"
            try db.execute(sql: "INSERT INTO incidents (number, id, status, severity, opened_ms, body) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [number, stored.id, stored.status.rawValue, stored.severity.rawValue,
                                       AuditChain.milliseconds(stored.openedAt), try IncidentJSON.encode(stored)])
            return stored
        }
    }

    public func incident(id: String) throws -> Incident? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM incidents WHERE id = ?", arguments: [id]).map(IncidentJSON.decode)
        }
    }

    public func incidents(status: Incident.Status?) throws -> [Incident] {
        try pool.read { db in
            let bodies = if let status {
                try String.fetchAll(db, sql: "SELECT body FROM incidents WHERE status = ? ORDER BY number DESC", arguments: [status.rawValue])
            } else {
                try String.fetchAll(db, sql: "SELECT body FROM incidents ORDER BY number DESC")
            }
            return try bodies.map(IncidentJSON.decode)
        }
    }

    public func update(id: String, _ change: @Sendable (inout Incident) throws -> Void) throws -> Incident {
        try pool.write { db in
            guard let body = try String.fetchOne(db, sql: "SELECT body FROM incidents WHERE id = ?", arguments: [id]) else {
                throw StoreError("there is no incident '\(id)'")
            }
            var incident = try IncidentJSON.decode(body)
            try change(&incident)
            try db.execute(sql: "UPDATE incidents SET status = ?, severity = ?, body = ? WHERE id = ?",
                           arguments: [incident.status.rawValue, incident.severity.rawValue, try IncidentJSON.encode(incident), id])
            return incident
        }
    }
}

/// Incidents as stored: JSON with times like the audit trail's.
public enum IncidentJSON {
    public static func encode(_ incident: Incident) throws -> String {
        String(decoding: try encoder.encode(incident), as: UTF8.self)
    }

    public static func decode(_ body: String) throws -> Incident {
        try decoder.decode(Incident.self, from: Data(body.utf8))
    }

    /// The encoder the CLI and the admin API print incidents with, too.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(AuditChain.format(date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = AuditChain.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time: \(text)"))
            }
            return date
        }
        return decoder
    }()
}
