import NIOCore
import NIOHTTP1

/// One request sent on an upstream connection and the answer read back whole: what
/// ``UpstreamConnections`` writes into a channel whose pipeline ends in ``UpstreamExchangeHandler``.
struct UpstreamExchange {
    var head: HTTPRequestHead
    var body: ByteBuffer
    /// When the response head must have arrived, and what passing that instant means.
    var headDeadline: NIODeadline
    var headTimeout: TimeoutKind
    /// When the whole answer must have arrived, and what passing that instant means.
    var endDeadline: NIODeadline
    var endTimeout: TimeoutKind
    /// The longest silence between two reads once the head arrived.
    var idle: TimeAmount
    var maxBodyBytes: Int
    var promise: EventLoopPromise<UpstreamAnswer>
}

/// A complete upstream answer.
struct UpstreamAnswer {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer
    /// Whether the connection may carry another request.
    var keepAlive: Bool
}

/// Why an exchange failed, before it is classified as an ``UpstreamFailure``.
enum UpstreamExchangeError: Error {
    /// The connection closed before any byte of the answer arrived (on a reused connection: the
    /// server dropped it while idle, and the request may be sent again on a new one).
    case closedBeforeAnswer
    /// The connection closed after the answer had started.
    case closedMidAnswer
    case timedOut(TimeoutKind, String)
    case tooLarge(Int)
}

/// Sends one ``UpstreamExchange`` at a time (request head, body and end in a single flush, so a
/// small request leaves in one `writev`) and completes its promise with the whole answer, or with
/// an ``UpstreamExchangeError``. The channel is closed on any failure; after a success it is left
/// open for the pool when the answer allows keep-alive.
///
/// Timers: until the head arrives, the earlier of the head and end deadlines; afterwards the
/// earlier of the end deadline and `idle` after the latest read.
final class UpstreamExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = UpstreamExchange
    typealias OutboundOut = HTTPClientRequestPart

    private var exchange: UpstreamExchange?
    private var head: HTTPResponseHead?
    private var body: ByteBuffer?
    private var timer: Scheduled<Void>?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        precondition(self.exchange == nil, "one exchange at a time on an upstream connection")
        self.exchange = exchange
        head = nil
        body = nil
        arm(context: context, at: min(exchange.headDeadline, exchange.endDeadline),
            kind: exchange.headDeadline <= exchange.endDeadline ? exchange.headTimeout : exchange.endTimeout,
            why: "no answer arrived")
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(exchange.body))), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let exchange else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = context.channel.allocator.buffer(capacity: 0)
            armIdle(context: context, exchange)
        case .body(var part):
            guard (body?.readableBytes ?? 0) + part.readableBytes <= exchange.maxBodyBytes else {
                return fail(context: context, UpstreamExchangeError.tooLarge(exchange.maxBodyBytes))
            }
            body?.writeBuffer(&part)
            armIdle(context: context, exchange)
        case .end:
            guard let head else { return fail(context: context, UpstreamExchangeError.closedMidAnswer) }
            timer?.cancel()
            let answer = UpstreamAnswer(status: head.status, headers: head.headers, body: body ?? ByteBuffer(), keepAlive: head.isKeepAlive)
            self.exchange = nil
            self.head = nil
            self.body = nil
            exchange.promise.succeed(answer)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(context: context, head == nil ? UpstreamExchangeError.closedBeforeAnswer : UpstreamExchangeError.closedMidAnswer)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context: context, error)
    }

    private func armIdle(context: ChannelHandlerContext, _ exchange: UpstreamExchange) {
        let idleEnd = NIODeadline.now() + exchange.idle
        if idleEnd < exchange.endDeadline {
            arm(context: context, at: idleEnd, kind: .idle, why: "the provider went silent for longer than the idle timeout")
        } else {
            arm(context: context, at: exchange.endDeadline, kind: exchange.endTimeout, why: "the answer did not finish")
        }
    }

    private func arm(context: ChannelHandlerContext, at deadline: NIODeadline, kind: TimeoutKind, why: String) {
        timer?.cancel()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            handler.fail(context: context, UpstreamExchangeError.timedOut(kind, why))
        }
    }

    /// Fails the exchange in flight, if any, and closes the connection.
    private func fail(context: ChannelHandlerContext, _ error: any Error) {
        timer?.cancel()
        timer = nil
        guard let exchange else { return }
        self.exchange = nil
        exchange.promise.fail(error)
        context.close(promise: nil)
    }
}
