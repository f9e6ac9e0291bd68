import Crypto
import Foundation

/// The audit trail's tamper evidence: every stored event carries the SHA-256 of the previous
/// event's hash followed by its own canonical JSON, so that editing, removing or reordering any
/// event breaks every hash after it.
///
/// Canonical JSON is ``encode(_:)``: snake_case keys, sorted, times as ISO 8601 UTC with milliseconds.
/// The chain starts from ``genesis``. What it does not show on its own: events cut from the end.
/// For that the writer also keeps the head (last sequence number and hash) outside the database,
/// and `rampart audit verify` compares the two.
public enum AuditChain {
    /// The "previous hash" of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The canonical JSON of `event`, as stored and hashed.
    public static func encode(_ event: AuditEvent) throws -> String {
        String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    /// The event a stored body holds.
    public static func decode(_ body: String) throws -> AuditEvent {
        try decoder.decode(AuditEvent.self, from: Data(body.utf8))
    }

    /// The hash of an event whose canonical JSON is `body`, after the event hashed `previous`.
    public static func hash(previous: String, body: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(previous.utf8))
        hasher.update(data: Data([0x0A]))
        hasher.update(data: Data(body.utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of `text`, hex: how text is kept under the `hash` policy.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Times as `2026-11-30T11:10:00.123Z`: whole seconds by the ISO 8601 formatter, milliseconds
    /// from the integer count, so that encoding and decoding never disagree by a rounding.
    static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millis) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let text = Date(timeIntervalSince1970: TimeInterval(wholeSeconds)).formatted(.iso8601)
        return String(text.dropLast()) + "." + String(format: "%03lld", millis) + "Z"
    }

    /// The instant ``format(_:)`` wrote, or nil.
    static func parse(_ text: String) -> Date? {
        guard text.hasSuffix("Z"), let dot = text.lastIndex(of: "."), let millis = Int64(text[text.index(after: dot)...].dropLast()),
              let seconds = try? Date(String(text[..<dot]) + "Z", strategy: .iso8601) else { return nil }
        return Date(timeIntervalSince1970: Double(Int64(seconds.timeIntervalSince1970) * 1000 + millis) / 1000)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        return decoder
    }()
}
