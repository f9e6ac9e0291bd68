import Hummingbird
import Logging
import NIOCore
import Prometheus
import RampartGateway
import RampartWire

/// Builds and runs Rampart's HTTP server for one configuration.
public enum RampartServer {
    /// The router with every route and middleware, for the application and for tests.
    ///
    /// - Parameters:
    ///   - audit: records one audit event per chat request; without it nothing is recorded.
    ///   - metrics: the registry `GET /metrics` renders; without one the route is absent.
    public static func router(gateway: Gateway, audit: AuditRecorder? = nil, incidents: IncidentDesk? = nil,
                              metrics: PrometheusCollectorRegistry? = nil) -> Router<RampartRequestContext> {
        let router = Router(context: RampartRequestContext.self)
        router.middlewares.add(ErrorMiddleware())
        let maxBody = gateway.config.server.maxBodyBytes
        let completions = ChatEndpoint(codec: WireCodec(.openAI), gateway: gateway, maxBodyBytes: maxBody, audit: audit)
        let messages = ChatEndpoint(codec: WireCodec(.anthropic), gateway: gateway, maxBodyBytes: maxBody, audit: audit)
        router.post("/v1/chat/completions") { try await completions.handle($0, context: $1) }
        router.post("/v1/messages") { try await messages.handle($0, context: $1) }
        InfoRoutes(gateway: gateway, audit: audit).register(on: router)
        AdminRoutes(gateway: gateway, audit: audit, incidents: incidents).register(on: router)
        GuardCheckRoute(gateway: gateway).register(on: router)
        if let metrics {
            router.get("/metrics") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                         body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
            }
        }
        return router
    }

    /// The application listening on the configured host and port.
    public static func application(gateway: Gateway, audit: AuditRecorder?, incidents: IncidentDesk?, metrics: PrometheusCollectorRegistry?,
                                   logger: Logger) -> some ApplicationProtocol {
        let server = gateway.config.server
        return Application(
            router: router(gateway: gateway, audit: audit, incidents: incidents, metrics: metrics),
            server: .http1(configuration: .init(additionalChannelHandlers: [ClientHangUpDetector()])),
            configuration: .init(address: .hostname(server.host, port: server.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? server.port
                logger.notice("Rampart listening on http://\(server.host):\(port)")
            },
            logger: logger
        )
    }
}
