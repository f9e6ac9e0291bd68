import Dispatch
import Logging
import NIOConcurrencyHelpers

/// Keeps a server's policy in step with the store: every `interval` it reads the policy's change
/// version (one small read) and, when it moved, installs the versions now active and candidate.
/// A promotion or rollback made on any replica, or by `rampart policy`, is judging here within
/// `interval` plus a gateway build.
public final class PolicyWatch: @unchecked Sendable {   // the timer is only resumed and cancelled, which Dispatch allows from any thread
    private let timer: any DispatchSourceTimer

    /// Starts watching; `apply` installs a changed selection (``ConfigReloader/install(policy:actor:)``).
    public init(registry: PolicyRegistry, current: PolicySelection, every interval: Duration = .seconds(1), logger: Logger,
                apply: @escaping @Sendable (PolicySelection) async -> Void) {
        let queue = DispatchQueue(label: "rampart.policy-watch")
        timer = DispatchSource.makeTimerSource(queue: queue)
        let seen = NIOLockedValueBox<(version: Int64?, selection: PolicySelection, failing: Bool)>((nil, current, false))
        timer.setEventHandler {
            do {
                let version = try registry.changeVersion()
                guard version != seen.withLockedValue({ $0.version }) else { return }
                let selection = try registry.selection()
                let changed = seen.withLockedValue { state -> Bool in
                    defer { state = (version, selection, false) }
                    return state.selection != selection
                }
                if changed {
                    let done = DispatchSemaphore(value: 0)
                    Task {
                        await apply(selection)
                        done.signal()
                    }
                    done.wait()   // one change at a time, in order
                }
            } catch {
                let first = seen.withLockedValue { state -> Bool in
                    defer { state.failing = true }
                    return !state.failing
                }
                if first { logger.error("policy: cannot read the store; policy changes are not seen until it answers", metadata: ["error": "\(error)"]) }
            }
        }
        let milliseconds = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        timer.resume()
    }

    /// Stops watching.
    public func stop() {
        timer.cancel()
    }
}
