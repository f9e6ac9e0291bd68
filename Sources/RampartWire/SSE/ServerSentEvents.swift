/// One event of a `text/event-stream`, as defined by the WHATWG HTML standard (§9.2).
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field; `nil` means the default type, `message`.
    public var event: String?
    /// The `data:` lines joined by `\n`.
    public var data: String
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }

    /// The event in wire form, ending with the blank line that dispatches it.
    /// Multi-line data becomes one `data:` line per line.
    public var encoded: String {
        var result = ""
        if let event { result += "event: \(event)\n" }
        if let id { result += "id: \(id)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            result += "data: \(line)\n"
        }
        return result + "\n"
    }
}

/// An incremental parser for `text/event-stream` bodies.
///
/// Feed it bytes as they arrive, split anywhere (inside a line, inside a UTF-8 sequence, between
/// `\r` and `\n`); it returns the events completed so far and keeps the rest. It understands `LF`,
/// `CR` and `CRLF` line endings, multi-line `data`, comment lines (`:`), `event`, `id` and `retry`
/// (ignored), and strips one leading space after the colon, as the standard says.
///
/// It holds at most one unfinished event; `maxEventBytes` bounds that so that a peer cannot grow it
/// without limit.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var lastWasCR = false
    private var dataLines: [String] = []
    private var hasData = false
    private var eventType: String?
    private var lastID: String?
    private var pendingBytes = 0
    public let maxEventBytes: Int

    /// The event being parsed grew past ``maxEventBytes``.
    public struct EventTooLarge: Error, Sendable {}

    public init(maxEventBytes: Int = 16 * 1024 * 1024) {
        self.maxEventBytes = maxEventBytes
    }

    /// Consumes `bytes` and returns the events they complete.
    public mutating func parse(_ bytes: some Sequence<UInt8>) throws -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if lastWasCR {
                lastWasCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                if let event = endOfLine() { events.append(event) }
            case UInt8(ascii: "\r"):
                lastWasCR = true
                if let event = endOfLine() { events.append(event) }
            default:
                line.append(byte)
                pendingBytes += 1
                if pendingBytes > maxEventBytes { throw EventTooLarge() }
            }
        }
        return events
    }

    /// Call at end of input: returns an event whose blank line never came, as browsers do not, but
    /// as a proxy must to avoid losing a last event from a peer that closed without it.
    public mutating func finish() -> ServerSentEvent? {
        if !line.isEmpty { _ = endOfLine() }
        return dispatch()
    }

    private mutating func endOfLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let field: String
        var value: Substring
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: line[..<colon], as: UTF8.self)
            let text = String(decoding: line[(colon + 1)...], as: UTF8.self)
            value = Substring(text)
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = String(decoding: line, as: UTF8.self)
            value = ""
        }
        switch field {
        case "data":
            dataLines.append(String(value))
            hasData = true
        case "event":
            eventType = String(value)
        case "id":
            if !value.contains("\0") { lastID = String(value) }
        default:
            break  // `retry` and unknown fields are ignored.
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            dataLines.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
            pendingBytes = 0
        }
        guard hasData else { return nil }
        return ServerSentEvent(event: eventType, data: dataLines.joined(separator: "\n"), id: lastID)
    }
}
