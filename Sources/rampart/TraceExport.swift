import Logging
import OTel
import RampartGateway
import ServiceLifecycle

/// Exports the gateway's spans over OTLP/HTTP while `serve` runs (`telemetry.traces`).
///
/// Bootstraps the process's tracer once, so it must be started at most once per process and
/// before the first request. Only traces: metrics stay on `/metrics` and logs on standard error.
/// The configuration file is the only source of settings (`OTEL_*` variables are not read), so
/// what `rampart config validate` accepts is what runs.
struct TraceExport {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Starts exporting; spans are batched and sent in the background.
    init(_ traces: TelemetryConfig.Traces, logger: Logger) throws {
        var configuration = OTel.Configuration.default
        configuration.serviceName = traces.serviceName
        configuration.diagnosticLogger = .custom(logger)
        configuration.diagnosticLogLevel = .warning
        configuration.metrics.enabled = false
        configuration.logs.enabled = false
        configuration.traces.enabled = true
        configuration.traces.exporter = .otlp
        configuration.traces.otlpExporter.endpoint = traces.endpoint
        configuration.traces.otlpExporter.protocol = traces.encoding == .json ? .httpJSON : .httpProtobuf
        configuration.traces.otlpExporter.headers = traces.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        configuration.traces.sampler = .parentBasedTraceIDRatio(ratio: traces.sampleRatio) ?? .parentBasedAlwaysOn
        let service = try OTel.bootstrap(configuration: configuration, environment: [:])
        let group = ServiceGroup(configuration: .init(services: [service], logger: logger))
        self.group = group
        task = Task { try await group.run() }
    }

    /// Sends the spans still queued and stops; call after the server has stopped, so that the
    /// spans of drained requests go out too.
    func finish() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
