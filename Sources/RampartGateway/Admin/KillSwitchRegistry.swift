import Foundation
import Logging
import NIOConcurrencyHelpers
import RampartStore

/// The kill switches in force, restored from and recorded in the admin event log, and — once
/// ``share(through:every:logger:)`` is called — shared with every replica on the same store.
///
/// Reads are a lock and an array copy, cheap enough for every request; changes are written to
/// the store (when shared) and the log before they take effect, so a switch that was acknowledged
/// survives a restart and reaches the other replicas. Switches are never deleted, only lifted,
/// which is what lets replicas merge what they read without losing a change: a lifted switch stays
/// lifted whatever order the news arrives in.
public final class KillSwitchRegistry: Sendable {
    private struct State: Sendable {
        var log: AdminEventLog
        var switches: [KillSwitch]
        /// The store's version of the switches last read (sharing only).
        var sharedVersion: Int64 = 0
        /// Whether the switches only this replica knew have been written to the shared store.
        var uploaded = false
    }

    private let state: NIOLockedValueBox<State>
    private let sharing = NIOLockedValueBox<Sharing?>(nil)

    /// The store switches are shared through, and the timer that reads it.
    private struct Sharing: @unchecked Sendable {
        var store: any SharedRecordStore
        var timer: any DispatchSourceTimer
    }

    /// The kind of record switches are shared as.
    static let recordKind = "kill_switch"

    /// Opens the log in `directory` and restores the switches it records.
    public init(directory: String, logger: Logger) throws(AdminLogError) {
        let log = try AdminEventLog(directory: directory)
        for warning in log.warnings { logger.warning("\(warning)") }
        var switches: [String: KillSwitch] = [:]
        var order: [String] = []
        for event in log.events {
            guard let recorded = event.killSwitch else { continue }
            if switches[recorded.id] == nil { order.append(recorded.id) }
            switches[recorded.id] = recorded
        }
        state = NIOLockedValueBox(State(log: log, switches: order.compactMap { switches[$0] }))
        let active = order.compactMap { switches[$0] }.filter { $0.isActive(at: Date()) }
        if !active.isEmpty {
            logger.notice("kill switches in force from \(log.path): \(active.map { "\($0.id) \($0.scope.rawValue) \($0.target)" }.joined(separator: ", "))")
        }
    }

    /// Every switch ever thrown, oldest first, as it stands now.
    public var all: [KillSwitch] { state.withLockedValue { $0.switches } }

    /// The switches in force at `date`.
    public func active(at date: Date = Date()) -> [KillSwitch] {
        state.withLockedValue { $0.switches }.filter { $0.isActive(at: date) }
    }

    /// The recorded admin events, oldest first (the last `limit` when given).
    public func events(limit: Int? = nil) -> [AdminEvent] {
        let events = state.withLockedValue { $0.log.events }
        guard let limit else { return events }
        return Array(events.suffix(limit))
    }

    /// Records and throws a new switch; throws ``AdminLogError`` when it cannot be recorded, or
    /// ``StoreError`` when it cannot be shared (it is then not thrown).
    public func create(scope: KillSwitch.Scope, target: String, tenant: String?, attributes: [String: [String]], reason: String,
                       expiresAt: Date?, actor: String, aliases: [String]? = nil) throws -> KillSwitch {
        let now = Date()
        let killSwitch = KillSwitch(id: "ks_" + RandomHex.make(bytes: 6), scope: scope, target: target, tenant: tenant, attributes: attributes,
                                    reason: reason, createdAt: now, createdBy: actor, expiresAt: expiresAt, aliases: aliases)
        try publish(killSwitch)
        try state.withLockedValue { (state: inout State) throws in
            _ = try state.log.append(action: "kill_switch.create", actor: actor, killSwitch: killSwitch, at: now)
            Self.merge([killSwitch], into: &state.switches)
        }
        return killSwitch
    }

    /// Records and lifts a switch; `nil` when there is no such switch in force.
    public func remove(id: String, actor: String) throws -> KillSwitch? {
        let now = Date()
        guard var lifted = state.withLockedValue({ $0.switches.first { $0.id == id } }), lifted.isActive(at: now) else { return nil }
        lifted.removedAt = now
        try publish(lifted)
        try state.withLockedValue { (state: inout State) throws in
            _ = try state.log.append(action: "kill_switch.remove", actor: actor, killSwitch: lifted, at: now)
            Self.merge([lifted], into: &state.switches)
        }
        return lifted
    }

    // MARK: Sharing between replicas

    /// Shares switches with every replica on `store`: uploads the switches only this replica's log
    /// knows, adopts everyone else's, then checks the store's version every `interval` and adopts
    /// what changed. A switch thrown on any replica is in force on this one within `interval` plus
    /// one read. While the store cannot be read (also at start) this replica keeps its own switches,
    /// says so in the log, and catches up at the first tick the store answers.
    public func share(through store: any SharedRecordStore, every interval: Duration = .seconds(1), logger: Logger) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "rampart.kill-switches"))
        sharing.withLockedValue { $0 = Sharing(store: store, timer: timer) }
        let failing = NIOLockedValueBox(false)
        let synchronize: @Sendable () -> Void = { [weak self] in
            do {
                try self?.synchronize(with: store)
                if failing.withLockedValue({ $0 }) { logger.notice("kill switches: the shared store answers again") }
                failing.withLockedValue { $0 = false }
            } catch {
                if !failing.withLockedValue({ $0 }) {
                    logger.error("kill switches: cannot read the shared store; switches thrown on other replicas are not seen until it answers",
                                 metadata: ["error": "\(error)"])
                }
                failing.withLockedValue { $0 = true }
            }
        }
        synchronize()
        let milliseconds = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        timer.setEventHandler(handler: synchronize)
        timer.resume()
    }

    /// Stops reading the shared store.
    public func stopSharing() {
        sharing.withLockedValue { sharing in
            sharing?.timer.cancel()
            sharing = nil
        }
    }

    /// Writes `killSwitch` to the shared store, when there is one.
    private func publish(_ killSwitch: KillSwitch) throws {
        guard let store = sharing.withLockedValue({ $0?.store }) else { return }
        _ = try store.put(kind: Self.recordKind, id: killSwitch.id, body: try Self.encode(killSwitch))
    }

    /// Uploads the switches the store lacks (the first time it answers), then adopts the store's
    /// switches when its version moved.
    private func synchronize(with store: any SharedRecordStore) throws {
        if !state.withLockedValue(\.uploaded) {
            let shared = Set(try store.records(of: Self.recordKind).bodies.map { try Self.decode($0).id })
            for local in all where !shared.contains(local.id) {
                _ = try store.put(kind: Self.recordKind, id: local.id, body: try Self.encode(local))
            }
            state.withLockedValue { $0.uploaded = true }
        }
        let version = try store.version(of: Self.recordKind)
        guard version != state.withLockedValue({ $0.sharedVersion }) else { return }
        let shared = try store.records(of: Self.recordKind)
        let switches = try shared.bodies.map(Self.decode)
        state.withLockedValue { state in
            Self.merge(switches, into: &state.switches)
            state.sharedVersion = max(state.sharedVersion, shared.version)
        }
    }

    /// Adds `incoming` to `switches` by id; of two copies of one switch, a lifted one wins.
    private static func merge(_ incoming: [KillSwitch], into switches: inout [KillSwitch]) {
        for killSwitch in incoming {
            if let index = switches.firstIndex(where: { $0.id == killSwitch.id }) {
                if switches[index].removedAt == nil { switches[index] = killSwitch }
            } else {
                switches.append(killSwitch)
            }
        }
    }

    private static func encode(_ killSwitch: KillSwitch) throws -> String {
        String(decoding: try AdminJSON.encoder.encode(killSwitch), as: UTF8.self)
    }

    private static func decode(_ body: String) throws -> KillSwitch {
        try AdminEventLog.decoder.decode(KillSwitch.self, from: Data(body.utf8))
    }
}
