import Hummingbird
import Logging
import NIOCore
import Prometheus
import RampartGateway
import RampartStore
import RampartWire

/// Builds and runs Rampart's HTTP server for one configuration.
public enum RampartServer {
    /// The router with every route and middleware, for the application and for tests.
    ///
    /// - Parameters:
    ///   - slot: the gateway requests are served by, replaced by `reloader` on a reload.
    ///   - audit: records one audit event per chat request; without it nothing is recorded.
    ///   - metrics: the registry `GET /metrics` renders; without one the route is absent.
    ///   - reloader: serves `POST /admin/reload`.
    ///   - store: the database behind `audit` and `incidents`, which reports and recorded results are read from.
    ///   - canaries: serves `/admin/canaries`.
    public static func router(slot: GatewaySlot, audit: AuditRecorder? = nil, incidents: IncidentDesk? = nil,
                              metrics: PrometheusCollectorRegistry? = nil, reloader: ConfigReloader? = nil,
                              store: (any RampartDatabase)? = nil, canaries: CanaryMonitor? = nil) -> Router<RampartRequestContext> {
        let router = Router(context: RampartRequestContext.self)
        if slot.current.config.telemetry.traces != nil {
            // Outside the error middleware, so that the span sees the status the client gets; the
            // request id ties a trace to its audit event and log lines.
            router.middlewares.add(TracingMiddleware(recordingHeaders: [.rampartRequestID]))
        }
        router.middlewares.add(ErrorMiddleware())
        let maxBody = slot.current.config.server.maxBodyBytes
        let completions = ChatEndpoint(codec: WireCodec(.openAI), slot: slot, maxBodyBytes: maxBody, audit: audit)
        let messages = ChatEndpoint(codec: WireCodec(.anthropic), slot: slot, maxBodyBytes: maxBody, audit: audit)
        router.post("/v1/chat/completions") { try await completions.handle($0, context: $1) }
        router.post("/v1/messages") { try await messages.handle($0, context: $1) }
        InfoRoutes(slot: slot, audit: audit).register(on: router)
        AdminRoutes(slot: slot, audit: audit, incidents: incidents, reloader: reloader, store: store, canaries: canaries).register(on: router)
        GuardCheckRoute(slot: slot).register(on: router)
        ConsoleRoute().register(on: router)
        if let metrics {
            router.get("/metrics") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                         body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
            }
        }
        return router
    }

    /// The router for one gateway that is never reloaded (tests, embedding).
    public static func router(gateway: Gateway, audit: AuditRecorder? = nil, incidents: IncidentDesk? = nil,
                              metrics: PrometheusCollectorRegistry? = nil) -> Router<RampartRequestContext> {
        router(slot: GatewaySlot(gateway), audit: audit, incidents: incidents, metrics: metrics)
    }

    /// The application listening on the configured host and port.
    public static func application(slot: GatewaySlot, audit: AuditRecorder?, incidents: IncidentDesk?, metrics: PrometheusCollectorRegistry?,
                                   reloader: ConfigReloader?, store: (any RampartDatabase)?, canaries: CanaryMonitor?,
                                   logger: Logger) -> some ApplicationProtocol {
        let server = slot.current.config.server
        return Application(
            router: router(slot: slot, audit: audit, incidents: incidents, metrics: metrics, reloader: reloader, store: store, canaries: canaries),
            server: .http1(configuration: .init(additionalChannelHandlers: [ClientHangUpDetector()])),
            // A burst of new connections (clients reconnecting after a restart, a load test) waits in
            // the kernel's queue instead of being dropped: Hummingbird's default backlog is 256.
            configuration: .init(address: .hostname(server.host, port: server.port), serverName: nil, backlog: 4096),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? server.port
                logger.notice("Rampart listening on http://\(server.host):\(port)")
            },
            logger: logger
        )
    }
}
