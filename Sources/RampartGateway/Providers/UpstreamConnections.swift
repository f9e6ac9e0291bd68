import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// HTTP/1.1 keep-alive connections to one provider's origin, for answers read whole (non-streaming
/// calls): Rampart's lean upstream path.
///
/// Why not AsyncHTTPClient here: for a small JSON request it writes the head and the body in two
/// `write` calls and runs a per-request transaction and body-streaming machinery that cost about a
/// fifth of a proxied request's CPU (BENCHMARKS.md). This path writes a request in one `writev`,
/// reads the answer into one buffer, and takes its connect, first-byte, idle and total limits per
/// request. Streaming answers still go through AsyncHTTPClient, which streams with back-pressure.
///
/// Connections are kept per event loop, so that a request's connection lives on the thread its
/// task runs on (Swift Concurrency runs on NIO's loops). A connection carries one request at a
/// time; when a kept connection turns out closed before a byte of the answer arrived (the server
/// dropped it while idle), the request is sent once more on a new connection, as HTTP clients do. A connection idle for
/// longer than `idleTimeout` is closed when the pool next looks at its loop's idle list (no timer
/// per connection). What it does not do: proxies, redirects, compression, HTTP/2.
final class UpstreamConnections: Sendable {
    private let host: String
    private let port: Int
    private let tls: NIOSSLContext?
    private let idleTimeout: TimeAmount
    /// Idle connections per event loop, the most recently used last.
    private let idle: NIOLockedValueBox<[ObjectIdentifier: [IdleConnection]]> = NIOLockedValueBox([:])

    private struct IdleConnection {
        var channel: any Channel
        var since: NIODeadline
    }

    /// - Parameter tls: the TLS settings, for an https origin; nil for plain http.
    /// - Throws: when no TLS context can be made from `tls`.
    init(host: String, port: Int, tls: TLSConfiguration?, idleTimeout: TimeAmount = .seconds(60)) throws {
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        self.tls = try tls.map { try NIOSSLContext(configuration: $0) }
    }

    /// Sends `head` and `body` and returns the whole answer.
    func send(head: HTTPRequestHead, body: ByteBuffer, limits: AttemptLimits, maxBodyBytes: Int) async throws -> UpstreamAnswer {
        let loop = MultiThreadedEventLoopGroup.currentEventLoop ?? MultiThreadedEventLoopGroup.singleton.next()
        if let channel = takeIdle(on: loop) {
            do {
                return try await exchange(on: channel, head: head, body: body, limits: limits, maxBodyBytes: maxBodyBytes)
            } catch UpstreamExchangeError.closedBeforeAnswer {
                // The server closed the kept connection before answering anything: send it again on a
                // new one, as HTTP clients do, unless the caller has given up.
                try Task.checkCancellation()
            }
        }
        let channel = try await connect(on: loop, timeout: limits.connect)
        return try await exchange(on: channel, head: head, body: body, limits: limits, maxBodyBytes: maxBodyBytes)
    }

    /// Closes every idle connection.
    func shutdown() async {
        let channels = idle.withLockedValue { idle in
            defer { idle = [:] }
            return idle.values.flatMap { $0.map(\.channel) }
        }
        for channel in channels { try? await channel.close() }
    }

    private func exchange(on channel: any Channel, head: HTTPRequestHead, body: ByteBuffer, limits: AttemptLimits,
                          maxBodyBytes: Int) async throws -> UpstreamAnswer {
        let (headInstant, headTimeout) = limits.firstByteDeadline
        let promise = channel.eventLoop.makePromise(of: UpstreamAnswer.self)
        let exchange = UpstreamExchange(
            head: head, body: body, headDeadline: Self.deadline(headInstant), headTimeout: headTimeout,
            endDeadline: Self.deadline(limits.end), endTimeout: limits.endKind, idle: TimeAmount(limits.idle),
            maxBodyBytes: maxBodyBytes, promise: promise)
        // A write that fails (the connection closed under it) fails before any answer arrived.
        channel.writeAndFlush(exchange).whenFailure { _ in promise.fail(UpstreamExchangeError.closedBeforeAnswer) }
        let answer = try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            channel.close(promise: nil)
        }
        if answer.keepAlive, channel.isActive { putIdle(channel) } else { channel.close(promise: nil) }
        return answer
    }

    private func connect(on loop: any EventLoop, timeout: Duration) async throws -> any Channel {
        let host = host
        let tls = tls
        return try await ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let tls {
                        try sync.addHandler(NIOSSLClientHandler(context: tls, serverHostname: Self.isIPAddress(host) ? nil : host))
                    }
                    try sync.addHTTPClientHandlers()
                    try sync.addHandler(UpstreamExchangeHandler())
                }
            }
            .connect(host: host, port: port)
            .get()
    }

    /// The most recently used live connection of `loop`, after closing those idle too long.
    private func takeIdle(on loop: any EventLoop) -> (any Channel)? {
        let (channel, expired) = idle.withLockedValue { idle -> ((any Channel)?, [any Channel]) in
            let expired = Self.removeExpired(from: &idle[ObjectIdentifier(loop), default: []], idleTimeout: idleTimeout)
            while let connection = idle[ObjectIdentifier(loop)]?.popLast() {
                if connection.channel.isActive { return (connection.channel, expired) }
            }
            return (nil, expired)
        }
        for channel in expired { channel.close(promise: nil) }
        return channel
    }

    private func putIdle(_ channel: any Channel) {
        idle.withLockedValue { $0[ObjectIdentifier(channel.eventLoop), default: []].append(IdleConnection(channel: channel, since: .now())) }
    }

    /// Removes and returns the connections idle for longer than `idleTimeout` (the oldest are first).
    private static func removeExpired(from list: inout [IdleConnection], idleTimeout: TimeAmount) -> [any Channel] {
        let cutoff = NIODeadline.now() - idleTimeout
        guard let keep = list.firstIndex(where: { $0.since >= cutoff }) else {
            defer { list = [] }
            return list.map(\.channel)
        }
        defer { list.removeFirst(keep) }
        return list.prefix(keep).map(\.channel)
    }

    private static func deadline(_ instant: ContinuousClock.Instant) -> NIODeadline {
        .now() + TimeAmount(ContinuousClock.now.duration(to: instant))
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}
