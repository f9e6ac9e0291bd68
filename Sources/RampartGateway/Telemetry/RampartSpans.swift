import Tracing

/// The spans Rampart records inside a request (docs/tracing.md): the input guard, the stage-2
/// judge, each upstream attempt and the output guard. The ingress span around them is the HTTP
/// layer's.
///
/// Spans go to whatever tracer `InstrumentationSystem` was bootstrapped with. With tracing off
/// that is the no-op tracer: a span costs a few stack words and its attributes are never built
/// (every attribute is set through ``Tracing/Span/record(_:)``).
enum RampartSpans {
    static let inputGuard = "guard.input"
    static let outputGuard = "guard.output"
    static let judge = "guard.judge"
    static let upstreamAttempt = "upstream.attempt"
}

extension Span {
    /// Sets attributes only when the span is being recorded, so that tracing off (or a request
    /// not sampled) costs no string building.
    func record(_ fill: (inout SpanAttributes) -> Void) {
        guard isRecording else { return }
        updateAttributes(fill)
    }

    /// Marks the span failed with a short, secret-free reason (an error class, not a provider's message).
    func fail(_ reason: String) {
        guard isRecording else { return }
        attributes["error.type"] = reason
        setStatus(SpanStatus(code: .error, message: reason))
    }
}

/// The span of one call to one upstream target: started when the attempt starts, ended with its
/// outcome. For a stream, the attempt ends when the first event arrives (the rest of the stream
/// belongs to the ingress span and the output guard's).
struct AttemptSpan {
    private let span: any Span

    init(alias: String, target: Target, attempt: Int, probe: Bool) {
        span = startSpan(RampartSpans.upstreamAttempt, ofKind: .client)
        span.record { attributes in
            attributes["rampart.alias"] = alias
            attributes["rampart.target"] = target.description
            attributes["rampart.provider"] = target.provider
            attributes["gen_ai.request.model"] = target.model
            attributes["rampart.attempt"] = attempt
            attributes["rampart.breaker_probe"] = probe
        }
    }

    func succeeded() {
        span.record { $0["rampart.outcome"] = "ok" }
        span.end()
    }

    func failed(_ errorClass: ErrorClass) {
        span.record { $0["rampart.outcome"] = errorClass.rawValue }
        span.fail(errorClass.rawValue)
        span.end()
    }
}
