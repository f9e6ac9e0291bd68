import Hummingbird

/// Per-request state carried through middleware and handlers.
public struct RampartRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id sent back as `x-rampart-request-id`: Hummingbird's request id, which every log
    /// line about the request carries as `hb.request.id`.
    public var requestID: String { id }
    /// The client's connection, watched so that work for a client that left can be cancelled.
    let client: ClientConnection

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = ClientConnection(channel: source.channel)
    }
}
