/// A small writer of canonical JSON: the caller adds an object's members in sorted key order, and
/// values are written one way only (shortest round-tripping numbers, minimal string escapes), so
/// the same value always gives the same bytes.
///
/// Written for the audit trail, where every request encodes one event: Foundation's `JSONEncoder`
/// cost about ten times as much per event, most of it in `Codable`'s generic machinery.
struct CanonicalJSON {
    private(set) var bytes: [UInt8] = []
    /// How many objects and arrays are open, and, bit by level, whether the innermost open one at
    /// that level has a member already (so the next needs a comma). Nesting is at most 63 deep.
    private var depth = 0
    private var hasMember: UInt64 = 0

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        depth += 1
        precondition(depth < 64, "canonical JSON nested deeper than 63 levels")
        hasMember &= ~(1 << depth)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        bytes.append(bracket)
    }

    /// A member's key written in the source (`"alias"`); its value must follow. Keys must come in
    /// sorted order (the caller's duty) and need no escaping, so they are copied as they are.
    mutating func key(_ key: StaticString) {
        assert(key.withUTF8Buffer { !$0.contains(where: Self.needsEscape) }, "a literal key that needs escaping")
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        hasMember &= ~(1 << depth)
    }

    /// A member's key from data (a category, a detail's name), escaped as strings are.
    mutating func key(escaping key: String) {
        separate()
        quote(key)
        bytes.append(UInt8(ascii: ":"))
        hasMember &= ~(1 << depth)
    }

    mutating func string(_ value: String) {
        separate()
        quote(value)
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A finite number, written as Swift's shortest round-tripping form (`2.5`, `0.001`, `1e-07`).
    mutating func double(_ value: Double) {
        separate()
        precondition(value.isFinite, "JSON has no infinities or NaN")
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// The key and value, or nothing when `value` is nil.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func member(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    mutating func member(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    /// An object of string values, keys sorted.
    mutating func member(_ name: StaticString, _ value: [String: String]?) {
        guard let value else { return }
        key(name)
        beginObject()
        for (key, item) in value.sorted(by: { $0.key < $1.key }) {
            self.key(escaping: key)
            string(item)
        }
        endObject()
    }

    private mutating func separate() {
        if hasMember & (1 << depth) != 0 { bytes.append(UInt8(ascii: ",")) }
        hasMember |= 1 << depth
    }

    /// `text` in quotes with `"`, `\` and control characters escaped; everything else as UTF-8.
    /// Text that needs no escaping (nearly all) is copied whole, and otherwise the runs between
    /// escapes are.
    private mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: Self.needsEscape) else {
                bytes.append(contentsOf: utf8)
                return
            }
            var runStart = 0
            for (index, byte) in utf8.enumerated() where Self.needsEscape(byte) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    /// `0`–`9`, `a`–`f` as ASCII bytes.
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
