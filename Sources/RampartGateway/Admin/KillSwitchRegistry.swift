import Foundation
import Logging
import NIOConcurrencyHelpers

/// The kill switches in force, restored from and recorded in the admin event log.
///
/// Reads are a lock and an array copy, cheap enough for every request; changes are written to
/// the log before they take effect, so a switch that was acknowledged survives a restart.
public final class KillSwitchRegistry: Sendable {
    private struct State: Sendable {
        var log: AdminEventLog
        var switches: [KillSwitch]
    }

    private let state: NIOLockedValueBox<State>

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

    /// Records and throws a new switch; throws ``AdminLogError`` when it cannot be recorded.
    public func create(scope: KillSwitch.Scope, target: String, tenant: String?, attributes: [String: [String]], reason: String,
                       expiresAt: Date?, actor: String) throws -> KillSwitch {
        let now = Date()
        let killSwitch = KillSwitch(id: "ks_" + Self.randomHex(), scope: scope, target: target, tenant: tenant, attributes: attributes,
                                    reason: reason, createdAt: now, createdBy: actor, expiresAt: expiresAt)
        try state.withLockedValue { (state: inout State) throws in
            _ = try state.log.append(action: "kill_switch.create", actor: actor, killSwitch: killSwitch, at: now)
            state.switches.append(killSwitch)
        }
        return killSwitch
    }

    /// Records and lifts a switch; `nil` when there is no such switch in force.
    public func remove(id: String, actor: String) throws -> KillSwitch? {
        let now = Date()
        return try state.withLockedValue { (state: inout State) throws -> KillSwitch? in
            guard let index = state.switches.firstIndex(where: { $0.id == id }), state.switches[index].isActive(at: now) else { return nil }
            var lifted = state.switches[index]
            lifted.removedAt = now
            _ = try state.log.append(action: "kill_switch.remove", actor: actor, killSwitch: lifted, at: now)
            state.switches[index] = lifted
            return lifted
        }
    }

    private static func randomHex() -> String {
        (0..<6).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
