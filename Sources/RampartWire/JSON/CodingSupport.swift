import Foundation

/// A coding key made from any string: used to read and write object members that no Swift type names.
struct AnyCodingKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { self.stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A type whose JSON object may carry members Rampart does not model.
///
/// Conforming types declare their modelled members in `CodingKeys` and keep everything else in
/// `extra`, so that a request forwarded to a provider of the same API loses nothing. Decode and encode
/// them through ``WireCodec`` (or `decodeExtras`/`encodeExtras` in a hand-written `Codable`).
protocol PreservesUnknownMembers: Codable {
    /// The members the type models: computed once per type (`Set(CodingKeys.allCases…)`), since
    /// it is consulted for every decoded object.
    static var modelledKeys: Set<String> { get }
    var extra: JSONObject { get set }
}

extension CaseIterable where Self: CodingKey {
    /// The JSON member names of all keys.
    static var names: Set<String> { Set(allCases.map(\.stringValue)) }
}

extension Decoder {
    /// Every member of the current object whose key is not in `known`.
    func decodeExtras(excluding known: Set<String>) throws -> JSONObject {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        var extras: JSONObject = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            extras[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return extras
    }
}

extension Encoder {
    /// Writes `extras` as members of the current object, beside what the type encoded itself.
    func encodeExtras(_ extras: JSONObject) throws {
        guard !extras.isEmpty else { return }
        var container = self.container(keyedBy: AnyCodingKey.self)
        for (key, value) in extras {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}

/// Decodes and encodes a ``PreservesUnknownMembers`` value together with its unknown members.
struct Preserving<Value: PreservesUnknownMembers>: Codable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
        value.extra = try decoder.decodeExtras(excluding: Value.modelledKeys)
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        try encoder.encodeExtras(value.extra)
    }
}
