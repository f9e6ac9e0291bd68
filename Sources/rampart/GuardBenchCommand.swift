import ArgumentParser
import Foundation
import RampartGuard

/// `rampart guard bench`: how long stage 1 takes per text, as the speed targets state them.
struct GuardBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the stage-1 classifier on 1 KB and 16 KB prompts (p50, p90, p99, max).",
        discussion: "Use a release build (bench/guard-speed.sh does). Exit 1 when a target is missed: p99 ≤ 100 µs at 1 KB, ≤ 1 ms at 16 KB."
    )

    @Option(help: "Timed runs per size.")
    var iterations = 2000

    @Option(help: ArgumentHelp("A stage-1 model file (default: the bundled one).", valueName: "file"))
    var model: String?

    func run() async throws {
        let classifier = try GuardCLI.classifier(model)
        var missed = false
        for (label, bytes, limit) in [("1 KB", 1024, 100.0), ("16 KB", 16 * 1024, 1000.0)] {
            let text = BenchmarkText.prose(bytes: bytes)
            for _ in 0..<50 { _ = classifier.classify(text) }
            var samples: [Double] = []
            samples.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let start = ContinuousClock.now
                _ = classifier.classify(text)
                let elapsed = start.duration(to: .now)
                samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
            }
            samples.sort()
            func at(_ q: Double) -> Double { samples[min(Int(Double(samples.count - 1) * q), samples.count - 1)] }
            let p99 = at(0.99)
            let verdict = p99 <= limit ? "PASS" : "FAIL"
            if p99 > limit { missed = true }
            print(String(format: "stage 1, %@ prompt: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs (target p99 ≤ %.0f µs: %@)",
                         label, at(0.5), at(0.9), p99, samples.last ?? 0, limit, verdict))
        }
        if missed { throw ExitCode(1) }
    }
}
