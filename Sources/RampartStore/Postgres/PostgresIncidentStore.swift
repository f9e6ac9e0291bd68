import Foundation
import PostgresNIO

extension PostgresAuditStore {
    public func open(_ incident: Incident) throws -> Incident {
        try ready().transaction { sql in
            // Numbers are handed out one at a time across replicas.
            try sql.run("SELECT pg_advisory_xact_lock(hashtext('rampart.incidents'))")
            let number = (try sql.query("SELECT MAX(number) FROM incidents").first.flatMap { try $0.decode(Int32?.self) } ?? 0) + 1
            var stored = incident
            stored.id = "INC-\(number)"
            try sql.query("""
                INSERT INTO incidents (number, id, status, severity, opened_ms, body)
                VALUES (\(number), \(stored.id), \(stored.status.rawValue), \(stored.severity.rawValue),
                        \(AuditChain.milliseconds(stored.openedAt)), \(try IncidentJSON.encode(stored)))
                """)
            return stored
        }
    }

    public func incident(id: String) throws -> Incident? {
        try ready().withConnection { sql in
            try sql.query("SELECT body FROM incidents WHERE id = \(id)").first.map { try IncidentJSON.decode($0.decode(String.self)) }
        }
    }

    public func incidents(status: Incident.Status?) throws -> [Incident] {
        try ready().withConnection { sql in
            let rows = if let status {
                try sql.query("SELECT body FROM incidents WHERE status = \(status.rawValue) ORDER BY number DESC")
            } else {
                try sql.query("SELECT body FROM incidents ORDER BY number DESC")
            }
            return try rows.map { try IncidentJSON.decode($0.decode(String.self)) }
        }
    }

    public func update(id: String, _ change: @Sendable (inout Incident) throws -> Void) throws -> Incident {
        try ready().transaction { sql in
            guard let body = try sql.query("SELECT body FROM incidents WHERE id = \(id) FOR UPDATE").first?.decode(String.self) else {
                throw StoreError("there is no incident '\(id)'")
            }
            var incident = try IncidentJSON.decode(body)
            try change(&incident)
            try sql.query("""
                UPDATE incidents SET status = \(incident.status.rawValue), severity = \(incident.severity.rawValue),
                    body = \(try IncidentJSON.encode(incident)) WHERE id = \(id)
                """)
            return incident
        }
    }
}
