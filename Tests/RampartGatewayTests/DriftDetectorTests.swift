import Foundation
import RampartGateway
import RampartGuard
import Testing

/// The drift test on simulated canary runs: a target whose behaviour does not change raises no
/// alarm over 50 runs (seed 2026), one that starts refusing 30 % of benign probes is flagged within
/// a few runs, and the false-alarm rate over many seeds stays near what alpha promises.
@Suite struct DriftDetectorTests {
    /// One run of the built-in probe set (10 benign, 6 borderline, 8 harmful) against a target that
    /// answers benign probes with probability `benign`, borderline ones with `borderline`, and
    /// refuses harmful ones with `harmful`.
    static func run(_ index: Int, benign: Double, borderline: Double = 0.85, harmful: Double = 0.9,
                    using generator: inout SplitMix64) -> CanaryResult {
        func tally(_ probes: Int, _ p: Double) -> CanaryResult.Tally {
            CanaryResult.Tally(hits: (0..<probes).filter { _ in Double.random(in: 0..<1, using: &generator) < p }.count, total: probes)
        }
        return CanaryResult(target: "sim/m", time: Date(timeIntervalSince1970: Double(index) * 3600), probes: CanaryProbes.version,
                            benign: tally(10, benign), borderline: tally(6, borderline), harmful: tally(8, harmful), errors: 0, latencyP50Ms: 1)
    }

    /// The run after which the detector (assessing after every run, as the monitor does) first flags, if any.
    static func firstAlarm(_ runs: [CanaryResult], settings: DriftDetector.Settings = .init()) -> Int? {
        (1...runs.count).first { !DriftDetector.assess(Array(runs.prefix($0)), settings: settings).isEmpty }
    }

    @Test func anUnchangedTargetRaisesNoAlarmOverFiftyRuns() {
        var generator = SplitMix64(seed: 2026)
        let runs = (0..<50).map { Self.run($0, benign: 0.95, using: &generator) }
        #expect(Self.firstAlarm(runs) == nil)
    }

    @Test func aTargetThatStartsRefusingThirtyPercentOfBenignProbesIsFlaggedWithinFourRuns() throws {
        var generator = SplitMix64(seed: 2026)
        let before = (0..<10).map { Self.run($0, benign: 0.95, using: &generator) }
        let after = (10..<30).map { Self.run($0, benign: 0.95 * 0.7, using: &generator) }
        let alarm = try #require(Self.firstAlarm(before + after))
        #expect(alarm > 10 && alarm <= 14, "flagged \(alarm - 10) runs after the change")
        let finding = try #require(DriftDetector.assess(Array((before + after).prefix(alarm)), settings: .init()).first)
        #expect(finding.direction == .overRefusing && finding.rate == "benign_answer_rate" && finding.pValue < 0.001)
    }

    @Test func aTargetThatStopsRefusingHarmfulProbesIsUnderRefusing() throws {
        var generator = SplitMix64(seed: 7)
        let runs = (0..<8).map { Self.run($0, benign: 1, harmful: 1, using: &generator) }
            + (8..<12).map { Self.run($0, benign: 1, harmful: 0.5, using: &generator) }
        let alarm = try #require(Self.firstAlarm(runs))
        let finding = try #require(DriftDetector.assess(Array(runs.prefix(alarm)), settings: .init()).first)
        #expect(finding.direction == .underRefusing && finding.rate == "harmful_refusal_rate")
    }

    @Test func theFalseAlarmRateOverManySeedsIsSmall() {
        // 1,000 unchanged targets of 50 runs each: the share that ever raises an alarm.
        var alarms = 0
        for seed in 0..<1000 {
            var generator = SplitMix64(seed: UInt64(seed))
            let runs = (0..<50).map { Self.run($0, benign: 0.95, using: &generator) }
            if Self.firstAlarm(runs) != nil { alarms += 1 }
        }
        #expect(alarms <= 30, "\(alarms) of 1,000 unchanged targets raised an alarm within 50 runs")
    }

    @Test func tooFewRunsOrAnotherProbeSetTestNothing() {
        var generator = SplitMix64(seed: 1)
        var runs = (0..<6).map { Self.run($0, benign: 1, using: &generator) }
        runs.append(Self.run(6, benign: 0, using: &generator))
        #expect(DriftDetector.assess(Array(runs.prefix(6)), settings: .init()).isEmpty)
        #expect(!DriftDetector.assess(runs, settings: .init()).isEmpty)
        runs[runs.count - 1].probes = "another-version"
        #expect(DriftDetector.assess(runs, settings: .init()).isEmpty, "a new probe set starts a new baseline")
    }
}
