import Benchmark
import RampartGuard

/// The guard's per-request work, one call per iteration, so that the percentiles are those of one
/// call: stage 1 on an input (issue 4's targets: p99 ≤ 100 µs at 1 KB, ≤ 1 ms at 16 KB, one
/// core), the output guard's check of one stretch of an answer, normalisation and redaction.
/// `rampart guard bench` checks the stage-1 targets; these track every part for regressions
/// (`swift package benchmark baseline update` / `baseline compare`).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 50,
        maxDuration: .seconds(5),
        maxIterations: 20_000
    )
    let classifier: Stage1Classifier
    do {
        classifier = try Stage1Classifier.bundled()
    } catch {
        fatalError("the bundled stage-1 model does not load: \(error)")
    }

    for (label, bytes) in [("1 KB", 1024), ("16 KB", 16 * 1024)] {
        let prompt = BenchmarkText.prose(bytes: bytes)
        Benchmark("Stage 1 input, \(label) prompt") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(classifier.classify(prompt)) }
        }
    }

    // The output guard judges the latest ~600 characters of a streamed answer every few tokens
    // (16 by default, about 80 characters): each call here judges the next such stretch of one
    // long answer, as a stream does, starting a new answer when it runs out.
    let prompt = BenchmarkText.prose(bytes: 256)
    let answer = Array(BenchmarkText.prose(bytes: 64 * 1024))
    let stretches = stride(from: 600, through: answer.count, by: 80).map { String(answer[($0 - 600)..<$0]) }
    Benchmark("Output guard, next 600-character stretch of a stream") { benchmark in
        var scorer = classifier.exchangeScorer(prompt: prompt)
        var next = 0
        for _ in benchmark.scaledIterations {
            if next == stretches.count { (scorer, next) = (classifier.exchangeScorer(prompt: prompt), 0) }
            blackHole(scorer.score(stretches[next]))
            next += 1
        }
    }

    let kilobyte = BenchmarkText.prose(bytes: 1024)
    Benchmark("Normaliser views, 1 KB") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Normalizer.views(of: kilobyte)) }
    }

    // Made-up values of each common kind (a test card number, a documentation-style key).
    let secrets = " Reach me at jane.doe@example.com or +1 415 555 0100; card 4111 1111 1111 1111;"
        + " api_key=sk-proj-Q2hhbmdlTWVDaGFuZ2VNZUNoYW5nZU1lQ2hhbmdlTWU. "
    let withSecrets = BenchmarkText.prose(bytes: 1024 - secrets.utf8.count) + secrets
    let redactor = Redactor()
    precondition(redactor.redact(withSecrets).findings.count == 4, "the redaction benchmark's text should hold four secrets")
    Benchmark("Redaction, 1 KB with four secrets") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(redactor.redact(withSecrets)) }
    }
    Benchmark("Redaction, 1 KB without secrets") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(redactor.redact(kilobyte)) }
    }
}
