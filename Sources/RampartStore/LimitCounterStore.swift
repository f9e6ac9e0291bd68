/// Counters that several replicas add to at once, for limits: a count per bucket (`key:app-1:requests`)
/// and time slot (the window's number since 1970).
public protocol LimitCounterStore: Sendable {
    /// Adds `amount` to the bucket's count in `slot` unless the count would then pass `limit`
    /// (nil: always adds). Returns whether it added. Exact: concurrent adds never pass the limit.
    func add(_ amount: Int64, to bucket: String, slot: Int64, limit: Int64?) throws -> Bool
    /// The bucket's count in `slot` (0 when nothing was added).
    func count(of bucket: String, slot: Int64) throws -> Int64
}
