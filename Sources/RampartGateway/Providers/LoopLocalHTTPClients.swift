import AsyncHTTPClient
import NIOCore
import NIOPosix

/// One `HTTPClient` per event loop of NIO's shared group, so that a request's upstream connection
/// lives on the same thread as the task that sends it.
///
/// Swift Concurrency runs on those event loops (see the `rampart` entry point), and a request's
/// task stays on the loop of its client's connection. A single `HTTPClient` would often hand that
/// task an idle upstream connection owned by the other loop, costing two cross-thread hand-offs
/// per request; with a client per loop there are none.
struct LoopLocalHTTPClients: Sendable {
    private let clients: [(loop: any EventLoop, client: HTTPClient)]

    init(configuration: HTTPClient.Configuration) {
        clients = MultiThreadedEventLoopGroup.singleton.makeIterator().map { loop in
            (loop, HTTPClient(eventLoopGroupProvider: .shared(loop), configuration: configuration))
        }
    }

    /// The client for the current event loop, or the first one off the loops.
    var current: HTTPClient {
        if let loop = MultiThreadedEventLoopGroup.currentEventLoop, let match = clients.first(where: { $0.loop === loop }) {
            return match.client
        }
        return clients[0].client
    }

    func shutdown() async {
        for (_, client) in clients { try? await client.shutdown() }
    }
}
