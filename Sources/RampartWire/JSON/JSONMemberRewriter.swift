import Foundation

/// Rewrites one top-level member of a JSON object in place, leaving every other byte as it was.
///
/// Used to forward a client's request to a provider of the same API with only `model` changed:
/// cheaper than re-encoding, and nothing the client sent is reordered or re-rendered. It scans the
/// top level only (nested values are skipped over, strings with their escapes) and declines —
/// returns `nil` — on anything unexpected: not an object, a malformed body, a key with escapes, or
/// the member appearing more than once; callers then encode the request in full.
enum JSONMemberRewriter {
    /// `body` with the value of top-level member `name` replaced by `value`, or `nil`.
    static func replacing(_ name: String, with value: JSONValue, in body: Data) -> Data? {
        let bytes = [UInt8](body)
        guard let range = valueRange(of: name, in: bytes), let replacement = try? WireJSON.encode(value) else { return nil }
        var result = Data(capacity: bytes.count + replacement.count)
        result.append(contentsOf: bytes[..<range.lowerBound])
        result.append(replacement)
        result.append(contentsOf: bytes[range.upperBound...])
        return result
    }

    /// The byte range of the value of the single top-level member `name`.
    static func valueRange(of name: String, in bytes: [UInt8]) -> Range<Int>? {
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        guard scanner.consume(UInt8(ascii: "{")) else { return nil }
        let wanted = Array(name.utf8)
        var found: Range<Int>?
        scanner.skipWhitespace()
        if scanner.consume(UInt8(ascii: "}")) { return nil }
        while true {
            scanner.skipWhitespace()
            // A key with escapes could spell `model` in a way this scan does not see while the
            // provider's parser does (`"mod\u0065l"`): decline rather than forward two models.
            guard let key = scanner.string(), !bytes[key].contains(UInt8(ascii: "\\")) else { return nil }
            scanner.skipWhitespace()
            guard scanner.consume(UInt8(ascii: ":")) else { return nil }
            scanner.skipWhitespace()
            let start = scanner.position
            guard scanner.skipValue() else { return nil }
            if bytes[key].elementsEqual(wanted) {
                guard found == nil else { return nil }  // duplicate member: let the full encoder decide
                found = start..<scanner.position
            }
            scanner.skipWhitespace()
            if scanner.consume(UInt8(ascii: ",")) { continue }
            guard scanner.consume(UInt8(ascii: "}")) else { return nil }
            return found
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        mutating func skipWhitespace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// A string; returns the range of its raw contents (escapes undecoded, which is enough
        /// to compare against a plain ASCII member name).
        mutating func string() -> Range<Int>? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""):
                    defer { position += 1 }
                    return start..<position
                default: position += 1
                }
            }
            return nil
        }

        /// Skips any value; nested containers are matched bracket by bracket.
        mutating func skipValue() -> Bool {
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            position += 1
                            return true
                        }
                    default: break
                    }
                    position += 1
                }
                return false
            default:  // number, true, false, null
                let start = position
                while position < bytes.count, !",}] \t\r\n".utf8.contains(bytes[position]) { position += 1 }
                return position > start
            }
        }
    }
}
