import Hummingbird
import NIOCore

/// `GET /console`: the web console, one page with no build step (docs/console.md). It holds no
/// data of its own: after the operator signs in with the admin token, it reads and changes
/// everything through the admin API and `/metrics`, every two seconds.
struct ConsoleRoute: Sendable {
    func register(on router: Router<RampartRequestContext>) {
        router.get("/console") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: ConsolePage.html)))
        }
    }
}
