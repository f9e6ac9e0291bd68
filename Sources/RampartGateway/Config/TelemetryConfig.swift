/// `telemetry`: where Rampart sends OpenTelemetry traces. Off unless configured.
public struct TelemetryConfig: Sendable, Hashable {
    /// `telemetry.traces`; `nil` when tracing is off.
    public var traces: Traces?

    public init(traces: Traces? = nil) {
        self.traces = traces
    }

    /// An OTLP/HTTP span exporter and how much to sample.
    public struct Traces: Sendable, Hashable {
        /// The wire encoding of an OTLP/HTTP export request.
        public enum Encoding: String, Sendable, Hashable, CaseIterable {
            case protobuf = "http/protobuf"
            case json = "http/json"
        }

        /// The collector's traces URL, e.g. `http://127.0.0.1:4318/v1/traces`.
        public var endpoint: String
        public var encoding: Encoding = .protobuf
        /// Extra headers on every export (an ingest token, for instance); values may be `env:NAME`.
        public var headers: [String: String] = [:]
        /// The share of requests traced, 0–1. A request whose caller sent a sampled `traceparent`
        /// follows the caller's decision.
        public var sampleRatio = 1.0
        /// `service.name` on every span.
        public var serviceName = "rampart"

        public init(endpoint: String) {
            self.endpoint = endpoint
        }
    }
}

extension ConfigLoader {
    /// The `telemetry` section.
    static func readTelemetry(_ node: ConfigNode) -> TelemetryConfig {
        guard let node = node.mapping(allowedKeys: ["traces"]),
              let traces = node.child("traces").mapping(allowedKeys: ["endpoint", "protocol", "headers", "sample_ratio", "service_name"]),
              let endpoint = traces.child("endpoint").string(required: true)
        else { return TelemetryConfig() }
        if !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) {
            traces.diagnostics.report(traces.child("endpoint"), "must be the collector's OTLP/HTTP traces URL (http:// or https://, usually ending in /v1/traces); got '\(endpoint)'")
        }
        var config = TelemetryConfig.Traces(endpoint: endpoint)
        if let encoding = traces.child("protocol").choice(of: TelemetryConfig.Traces.Encoding.self) { config.encoding = encoding }
        for (name, value) in traces.child("headers").entries() {
            if let value = value.secret() { config.headers[name] = value }
        }
        if let ratio = traces.child("sample_ratio").double(min: 0, max: 1) { config.sampleRatio = ratio }
        if let name = traces.child("service_name").string() { config.serviceName = name }
        return TelemetryConfig(traces: config)
    }
}
