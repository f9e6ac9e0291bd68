#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// The canonical JSON of `event`, as stored and hashed: members in key order, absent values
    /// left out, written by ``CanonicalJSON``.
    public static func encode(_ event: AuditEvent) -> String {
        var json = CanonicalJSON()
        json.beginObject()
        json.member("action", event.action)
        json.member("actor", event.actor)
        json.member("alias", event.alias)
        json.member("api", event.api)
        json.member("attempts", event.attempts)
        json.member("details", event.details)
        json.member("error_code", event.errorCode)
        json.member("fallback_reason", event.fallbackReason)
        json.key("guard")
        json.beginArray()
        for record in event.guardRecords {
            json.beginObject()
            json.member("action", record.action)
            json.key("categories")
            json.beginObject()
            for (category, score) in record.categories.sorted(by: { $0.key < $1.key }) {
                json.key(escaping: category)
                json.double(score)
            }
            json.endObject()
            json.member("direction", record.direction)
            json.member("explanation", record.explanation)
            json.member("stage", record.stage)
            json.member("verdict", record.verdict)
            json.endObject()
        }
        json.endArray()
        json.member("id", event.id)
        json.member("key_id", event.keyID)
        json.member("kind", event.kind.rawValue)
        json.member("latency_ms", event.latencyMs)
        json.member("outcome", event.outcome.rawValue)
        if let policy = event.policy {
            json.key("policy")
            json.beginObject()
            json.member("hash", policy.hash)
            json.member("model", policy.model)
            json.member("version", policy.version)
            json.endObject()
        }
        storedText("prompt", event.prompt, into: &json)
        json.member("request_id", event.requestID)
        storedText("response", event.response, into: &json)
        json.member("route", event.route)
        json.member("status", event.status)
        json.member("stream", event.stream)
        json.member("tenant", event.tenant)
        json.member("time", format(event.time))
        if let usage = event.usage {
            json.key("usage")
            json.beginObject()
            json.member("completion_tokens", usage.completionTokens)
            json.member("prompt_tokens", usage.promptTokens)
            json.endObject()
        }
        json.endObject()
        return json.string
    }

    private static func storedText(_ name: StaticString, _ text: StoredText?, into json: inout CanonicalJSON) {
        guard let text else { return }
        json.key(name)
        json.beginObject()
        json.member("redacted", text.redacted)
        json.member("sha256", text.sha256)
        json.member("text", text.text)
        json.endObject()
    }

    /// The event a stored body holds.
    public static func decode(_ body: String) throws -> AuditEvent {
        try decoder.decode(AuditEvent.self, from: Data(body.utf8))
    }

    /// The hash of an event whose canonical JSON is `body`, after the event hashed `previous`.
    public static func hash(previous: String, body: String) -> String {
        var hasher = SHA256()
        update(&hasher, previous)
        update(&hasher, "\n")
        update(&hasher, body)
        return hex(hasher.finalize())
    }

    /// SHA-256 of `text`, hex: how text is kept under the `hash` policy.
    public static func sha256(_ text: String) -> String {
        var hasher = SHA256()
        update(&hasher, text)
        return hex(hasher.finalize())
    }

    /// Feeds `text`'s UTF-8 to `hasher` without copying it (native strings are contiguous).
    private static func update(_ hasher: inout SHA256, _ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Lower-case hex of a digest or MAC (a table lookup per byte: this runs for every request).
    public static func hex(_ bytes: some ContiguousBytes) -> String {
        bytes.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { text in
                for (index, byte) in bytes.enumerated() {
                    text[2 * index] = CanonicalJSON.hexDigits[Int(byte >> 4)]
                    text[2 * index + 1] = CanonicalJSON.hexDigits[Int(byte & 0x0F)]
                }
                return bytes.count * 2
            }
        }
    }

    /// Times as `2026-11-30T11:10:00.123Z`: whole seconds by the ISO 8601 formatter, milliseconds
    /// from the integer count, so that encoding and decoding never disagree by a rounding.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millis) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        var time = time_t(wholeSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        // Written digit by digit: this runs for every request.
        return String(unsafeUninitializedCapacity: 24) { text in
            var position = 0
            func put(_ value: Int32, _ count: Int, then separator: UInt8) {
                var value = value
                for offset in stride(from: count - 1, through: 0, by: -1) {
                    text[position + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                text[position + count] = separator
                position += count + 1
            }
            put(parts.tm_year + 1900, 4, then: UInt8(ascii: "-"))
            put(parts.tm_mon + 1, 2, then: UInt8(ascii: "-"))
            put(parts.tm_mday, 2, then: UInt8(ascii: "T"))
            put(parts.tm_hour, 2, then: UInt8(ascii: ":"))
            put(parts.tm_min, 2, then: UInt8(ascii: ":"))
            put(parts.tm_sec, 2, then: UInt8(ascii: "."))
            put(Int32(millis), 3, then: UInt8(ascii: "Z"))
            return position
        }
    }

    /// The instant ``format(_:)`` wrote, or nil.
    static func parse(_ text: String) -> Date? {
        guard text.hasSuffix("Z"), let dot = text.lastIndex(of: "."), let millis = Int64(text[text.index(after: dot)...].dropLast()),
              let seconds = try? Date(String(text[..<dot]) + "Z", strategy: .iso8601) else { return nil }
        return Date(timeIntervalSince1970: Double(Int64(seconds.timeIntervalSince1970) * 1000 + millis) / 1000)
    }

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
