import Metrics
import RampartStore

/// The per-request families on `/metrics`, counted from each request's audit event as it is
/// recorded (so they agree with the audit trail):
///
/// - `rampart_requests_total{api, alias, outcome, code}` and
///   `rampart_request_duration_seconds{api, alias, outcome}` (a histogram of the whole request);
/// - `rampart_tokens_total{alias, route, kind}` (`prompt`, `completion`), as the provider reported;
/// - `rampart_guard_verdicts_total{direction, verdict, stage}` and, for verdicts other than
///   `allow`, `rampart_guard_category_verdicts_total{direction, category, verdict}`;
/// - `rampart_halted_streams_total{alias}`: answers the output guard stopped;
/// - `rampart_spend_usd_total{alias, route}`: what the tokens cost, for targets with a price (`prices`).
///
/// Label values are those of the event; a request refused before its alias was known counts under
/// `alias="none"`. Admin events are not counted here.
public final class RequestMetrics: Sendable {
    private let requests = MetricHandles<Counter> { labels in
        Counter(label: "rampart_requests_total", dimensions: [("api", labels[0]), ("alias", labels[1]), ("outcome", labels[2]), ("code", labels[3])])
    }
    private let durations = MetricHandles<Timer> { labels in
        Timer(label: "rampart_request_duration_seconds", dimensions: [("api", labels[0]), ("alias", labels[1]), ("outcome", labels[2])])
    }
    private let tokens = MetricHandles<Counter> { labels in
        Counter(label: "rampart_tokens_total", dimensions: [("alias", labels[0]), ("route", labels[1]), ("kind", labels[2])])
    }
    private let verdicts = MetricHandles<Counter> { labels in
        Counter(label: "rampart_guard_verdicts_total", dimensions: [("direction", labels[0]), ("verdict", labels[1]), ("stage", labels[2])])
    }
    private let categoryVerdicts = MetricHandles<Counter> { labels in
        Counter(label: "rampart_guard_category_verdicts_total", dimensions: [("direction", labels[0]), ("category", labels[1]), ("verdict", labels[2])])
    }
    private let halted = MetricHandles<Counter> { labels in Counter(label: "rampart_halted_streams_total", dimensions: [("alias", labels[0])]) }
    private let spend = MetricHandles<FloatingPointCounter> { labels in
        FloatingPointCounter(label: "rampart_spend_usd_total", dimensions: [("alias", labels[0]), ("route", labels[1])])
    }
    private let prices: @Sendable () -> [String: Price]

    /// - Parameter prices: the price table in force (it changes with a reload).
    public init(prices: @escaping @Sendable () -> [String: Price] = { [:] }) {
        self.prices = prices
    }

    /// Counts one recorded event.
    public func observe(_ event: AuditEvent) {
        guard event.kind == .request else { return }
        let api = event.api ?? "none", alias = event.alias ?? "none", outcome = event.outcome.rawValue
        requests[api, alias, outcome, event.status.map(String.init) ?? "none"].increment()
        if let latency = event.latencyMs {
            durations[api, alias, outcome].recordNanoseconds(Int64(latency * 1_000_000))
        }
        if let usage = event.usage {
            let route = event.route ?? "none"
            if usage.promptTokens > 0 { tokens[alias, route, "prompt"].increment(by: usage.promptTokens) }
            if usage.completionTokens > 0 { tokens[alias, route, "completion"].increment(by: usage.completionTokens) }
            if let price = prices()[route] {
                spend[alias, route].increment(by: price.cost(promptTokens: usage.promptTokens, completionTokens: usage.completionTokens))
            }
        }
        for record in event.guardRecords {
            verdicts[record.direction, record.verdict, String(record.stage)].increment()
            guard record.verdict != "allow" else { continue }
            for category in record.categories.keys {
                categoryVerdicts[record.direction, category, record.verdict].increment()
            }
        }
        if event.outcome == .halted { halted[alias].increment() }
    }
}
