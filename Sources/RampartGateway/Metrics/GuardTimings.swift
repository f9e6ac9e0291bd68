import Metrics

/// `rampart_guard_duration_seconds{direction, stage}`: how long each guard check took, by the
/// direction (`input`, `output`) and the last stage that ran (1, the local classifier; 2, the judge).
enum GuardTimings {
    private static let timers = MetricHandles<Timer> { labels in
        Timer(label: "rampart_guard_duration_seconds", dimensions: [("direction", labels[0]), ("stage", labels[1])])
    }

    static func record(direction: String, stage: Int, since start: ContinuousClock.Instant) {
        timers[direction, stage == 2 ? "2" : "1"].recordNanoseconds(start.duration(to: .now).nanoseconds)
    }
}
