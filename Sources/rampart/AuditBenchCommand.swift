import ArgumentParser
import Foundation
import Logging
import RampartGateway
import RampartStore
import RampartWire

/// `rampart audit bench`: the audit trail's CPU cost per event, split into the part a request pays
/// (building the event, encoding it, journalling it) and the part the writer thread pays (storing
/// it), without a network or a load generator in the way.
struct AuditBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the audit trail's CPU cost per event: on the request path and in the writer.",
        discussion: """
            Records --events events like the proxy benchmark's (a 144-byte chat request answered by one \
            sentence, key, tenant, route) from one thread into a new store in a temporary directory, then \
            waits until the writer has stored them all. Prints CPU microseconds per event: the recording \
            thread's (what each request pays) and the rest of the process's (the writer, SQLite, the \
            journal's cleanup). The kernel's write-back of the journal and the database happens outside \
            the process and is not counted. Use a release build.
            """
    )

    @Option(help: "Events to record (after 5,000 to warm up).")
    var events = 200_000

    @Option(help: "What is kept of prompts and answers: none, hash, redacted or full.")
    var text: TextPolicy = .hash

    @Option(help: ArgumentHelp("The store's URL (default: SQLite in the temporary directory).", valueName: "url"))
    var store: String?

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-audit-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var config = RampartConfig(server: ServerConfig(stateDirectory: directory), providers: [], models: [], keys: [])
        config.store.url = store ?? "sqlite://\(directory)/rampart.db"
        config.store.text = text
        let recorder = try GuardCLI.orExit { try AuditRecorder.open(config, logger: Logger(label: "rampart.audit-bench")) }
        let principal = Principal(keyID: "bench-app", tenant: "acme", attributes: ["team": ["platform"]])
        let request = ChatRequest(model: "bench", messages: [Message(role: .user, content: [.text(TextPart(text: "Say hello to the benchmark."))])],
                                  maxTokens: 32, sourceAPI: .openAI)
        let answer = ChatResponse(id: "chatcmpl-bench", model: "static-model", content: [.text(TextPart(text: "Hello! This is a static answer."))],
                                  stopReason: .endTurn, usage: Usage(inputTokens: 12, outputTokens: 9), created: 0, sourceAPI: .openAI)
        func record(_ index: Int) {
            let trail = RequestTrail(requestID: "req-\(index)", api: .openAI)
            trail.authenticated(principal)
            trail.asked(request)
            trail.routed(target: Target(provider: "static", model: "static-model"), attempts: 1, fallbackReason: nil)
            trail.answered(answer)
            recorder.finish(trail, status: 200)
        }
        for index in 0..<5_000 { record(index) }
        try await Task.sleep(for: .seconds(1))   // the writer stores the warm-up events first
        let (processStart, threadStart, wallStart) = (Self.processCPU(), Self.threadCPU(), ContinuousClock.now)
        for index in 0..<events { record(5_000 + index) }
        let requestPath = Self.threadCPU() - threadStart
        let recording = wallStart.duration(to: ContinuousClock.now)
        await recorder.log.shutdown()
        let total = Self.processCPU() - processStart
        let perEvent = { (seconds: Double) in String(format: "%.2f", seconds / Double(events) * 1e6) }
        print("events \(events), text \(text.rawValue), store \(config.store.url ?? "")")
        print("request path: \(perEvent(requestPath)) µs CPU per event")
        print("writer and the rest of the process: \(perEvent(total - requestPath)) µs CPU per event")
        print("total: \(perEvent(total)) µs CPU per event; recording took \(recording), \(String(format: "%.0f", Double(events) / Self.seconds(recording))) events/s")
    }

    private static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    private static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension TextPolicy: ExpressibleByArgument {}
