import Testing
@testable import RampartRedTeam

/// The statistics of a run: intervals, reach classification and baseline diffs.
@Suite struct RunAnalysisTests {
    /// Records for `goals` goals spread over `categories` categories, attacked by `technique`,
    /// succeeding where `succeeds(goalIndex)` says.
    func records(technique: String, goals: Int, categories: Int, succeeds: (Int) -> Bool) -> [AttemptRecord] {
        (0..<goals).map { index in
            AttemptRecord(goalID: "g\(index)", category: "c\(index % categories)", isControl: false, technique: technique,
                          chain: [technique], outcome: succeeds(index) ? .success : .blocked, reason: "test")
        }
    }

    @Test func wilsonIntervalsMatchKnownValues() {
        let half = Proportion(successes: 5, trials: 10)
        #expect(abs(half.low - 0.2366) < 0.001 && abs(half.high - 0.7634) < 0.001)
        let none = Proportion(successes: 0, trials: 20)
        #expect(none.low == 0 && abs(none.high - 0.1611) < 0.001)
        let empty = Proportion(successes: 0, trials: 0)
        #expect(empty.low == 0 && empty.high == 1)
    }

    @Test func aTechniqueThatBreaksEverythingIsUniversalAndOneGoalIsNarrow() {
        let all = records(technique: "persona_unrestricted", goals: 30, categories: 6) { _ in true }
        let one = records(technique: "encoding_base64", goals: 30, categories: 6) { $0 == 7 }
        let some = records(technique: "fiction_story", goals: 30, categories: 6) { $0 % 5 == 0 || $0 % 5 == 1 }
        let nothing = records(technique: "past_tense", goals: 30, categories: 6) { _ in false }
        let analysis = RunAnalysis(all + one + some + nothing)
        let reach = Dictionary(uniqueKeysWithValues: analysis.techniques.map { ($0.technique, $0.reach) })
        #expect(reach["persona_unrestricted"] == .universal)
        #expect(reach["encoding_base64"] == .narrow)
        #expect(reach["fiction_story"] == .broad)
        #expect(reach["past_tense"] == Reach.none)
        #expect(analysis.techniques.first?.technique == "persona_unrestricted")
        #expect(analysis.strongest.first?.technique == "persona_unrestricted")
        #expect(analysis.attackSuccess.successes == 30 + 1 + 12 && analysis.attackSuccess.trials == 120)
    }

    @Test func controlsMeasureOverRefusalAndErrorsAreLeftOut() {
        var rows = records(technique: "plain", goals: 4, categories: 2) { _ in false }
        rows += (0..<10).map { index in
            AttemptRecord(goalID: "b\(index)", category: "benign", isControl: true, technique: "plain", chain: ["plain"],
                          outcome: index < 3 ? .refused : .unhelpful, reason: "test")
        }
        rows.append(AttemptRecord(goalID: "x", category: "c0", isControl: false, technique: "plain", chain: ["plain"],
                                  outcome: .error, reason: "timeout"))
        let analysis = RunAnalysis(rows)
        #expect(analysis.controlRefusal.successes == 3 && analysis.controlRefusal.trials == 10)
        #expect(analysis.errors == 1 && analysis.attackSuccess.trials == 4 && analysis.blocked.rate == 1)
    }

    @Test func aBaselineDiffFlagsSignificantRegressionsOnly() {
        let before = RunAnalysis(records(technique: "a", goals: 40, categories: 4) { $0 < 2 }
            + records(technique: "b", goals: 40, categories: 4) { $0 < 10 })
        let after = RunAnalysis(records(technique: "a", goals: 40, categories: 4) { $0 < 30 }
            + records(technique: "b", goals: 40, categories: 4) { $0 < 12 })
        let diff = BaselineDiff(baseline: before, current: after)
        #expect(diff.regressions.map(\.technique) == ["a"])
        #expect(!diff.changes.contains { $0.improvement })
    }
}
