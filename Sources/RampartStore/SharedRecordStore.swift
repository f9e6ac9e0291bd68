/// Small documents every replica on one store sees (kill switches): JSON bodies by kind and id.
///
/// Each write stamps its record with the kind's next version, so a replica notices any change by
/// reading one number (``version(of:)``) and reads the records only when it moved. Writes to one
/// kind are serialised across processes (a lock in the database), so versions never repeat.
public protocol SharedRecordStore: Sendable {
    /// Inserts or replaces the record `id` of `kind`; returns the kind's new version.
    func put(kind: String, id: String, body: String) throws -> Int64
    /// The kind's version now: 0 before its first record.
    func version(of kind: String) throws -> Int64
    /// Every record of `kind`, oldest write first, and the version they make up.
    func records(of kind: String) throws -> SharedRecords
}

/// A kind's records at one version.
public struct SharedRecords: Sendable {
    public var version: Int64
    public var bodies: [String]

    public init(version: Int64, bodies: [String]) {
        self.version = version
        self.bodies = bodies
    }
}

/// Everything Rampart keeps in its database.
public typealias RampartDatabase = AuditStore & IncidentStore & SharedRecordStore
