import Foundation
import RampartWire

/// Turns a provider's error body into a message that is safe to show a client: the provider's own
/// message when it sent JSON, a description when it sent HTML, never credentials.
enum UpstreamErrorReport {
    /// The provider's error from an error answer: its message, type and code when it sent JSON.
    static func describe(status: Int, body: Data, contentType: String?, retryAfter: String?, secrets: [String]) -> UpstreamStatus {
        let (message, type, code) = describe(status: status, body: body, contentType: contentType, secrets: secrets)
        return UpstreamStatus(status: status, message: message, type: type, code: code, retryAfterSeconds: retryAfter.flatMap(retryAfterSeconds))
    }

    /// Seconds to wait from a `Retry-After` value: a number of seconds or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Int? {
        if let seconds = Int(value.trimmingCharacters(in: .whitespaces)) { return max(seconds, 0) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(Int(date.timeIntervalSinceNow.rounded(.up)), 0)
    }

    private static func describe(status: Int, body: Data, contentType: String?, secrets: [String]) -> (message: String, type: String?, code: String?) {
        if let envelope = try? JSONDecoder().decode(UpstreamErrorEnvelope.self, from: body), let error = envelope.error {
            return (redact(error.message ?? "no message", secrets: secrets), error.type, error.code)
        }
        let text = String(decoding: body.prefix(2048), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if contentType?.contains("html") == true || text.hasPrefix("<") {
            return ("the provider answered with an HTML page instead of an API error (status \(status))", nil, nil)
        }
        if text.isEmpty { return ("the provider answered with status \(status) and an empty body", nil, nil) }
        return (redact(String(text.prefix(300)), secrets: secrets), nil, nil)
    }

    /// Replaces configured secrets and anything shaped like an API key with `[redacted]`.
    static func redact(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where secret.count >= 8 {
            result = result.replacingOccurrences(of: secret, with: "[redacted]")
        }
        // Vendor key shapes: sk-…, sk-ant-…, key-…, Bearer tokens.
        let words = result.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            let looksLikeKey = (bare.hasPrefix("sk-") || bare.hasPrefix("key-")) && bare.count >= 16
            return looksLikeKey ? word.replacingOccurrences(of: bare, with: "[redacted]") : String(word)
        }
        return words.joined(separator: " ")
    }
}
