/// A target sent to at most `rate` times a second, with transient failures retried: what an
/// endpoint with rate limits or the odd timeout needs, so that a run measures the defences and
/// not the weather.
///
/// Pacing holds across all concurrent senders (one shared schedule of send slots). A failure is
/// retried only when it is transient (``TargetReply/failed(_:transient:)``), up to `retries` more
/// times, waiting `backoff`, then twice that, and so on; each retry takes a slot like any send.
/// What it does not do: it does not read a provider's `retry-after` (Rampart's own routing does
/// that inside ``GatewayTarget``), and it gives up at once on a cancelled task.
public struct PacedTarget: RedTeamTarget {
    let base: any RedTeamTarget
    let schedule: SendSchedule?
    let retries: Int
    let backoff: Duration

    /// - Parameters:
    ///   - rate: sends per second at most; nil for no limit.
    ///   - retries: extra tries of a transiently failed send.
    ///   - backoff: the wait before the first retry, doubled before each next one.
    public init(_ base: any RedTeamTarget, rate: Double?, retries: Int, backoff: Duration = .milliseconds(500)) {
        self.base = base
        self.schedule = rate.flatMap { $0 > 0 ? SendSchedule(interval: .seconds(1 / $0)) : nil }
        self.retries = max(0, retries)
        self.backoff = backoff
    }

    public var name: String { base.name }

    public func send(_ attack: Attack) async -> TargetReply {
        var wait = backoff
        for retry in 0...retries {
            await schedule?.slot()
            let reply = await base.send(attack)
            guard case .failed(let why, true) = reply, retry < retries, !Task.isCancelled else { return reply }
            do { try await Task.sleep(for: wait) } catch { return .failed(why, transient: true) }
            wait *= 2
        }
        preconditionFailure("the loop returns on its last try")
    }

    public func shutdown() async {
        await base.shutdown()
    }
}

/// Evenly spaced send slots shared by concurrent senders.
actor SendSchedule {
    let interval: Duration
    private var next = ContinuousClock.now

    init(interval: Duration) {
        self.interval = interval
    }

    /// Waits for the next free slot (at once when the schedule is behind the clock).
    func slot() async {
        let now = ContinuousClock.now
        let slot = max(now, next)
        next = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }
}
