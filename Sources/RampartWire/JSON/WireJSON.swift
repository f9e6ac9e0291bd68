import Foundation

/// JSON entry points for the codecs: decoding that reports the failing member by path, and encoding
/// with the settings every wire format here shares.
public enum WireJSON {
    /// Decodes `T` from `data`, turning any failure into a ``WireError`` that a client can act on.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(WireError) -> T {
        if let offset = firstInvalidUTF8Offset(data) {
            throw .malformedJSON("the body is not valid UTF-8 (first bad byte at offset \(offset))")
        }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw describe(error)
        } catch let error as WireError {
            throw error
        } catch {
            throw .malformedJSON(String(describing: error))
        }
    }

    /// Encodes `value` compactly. Encoding Rampart's own wire types cannot fail; a failure is a bug
    /// and is reported as `invalidField` so that it surfaces as a typed error rather than a crash.
    public static func encode<T: Encodable>(_ value: T) throws(WireError) -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            throw .invalidField(field: "(response)", problem: "could not be encoded: \(error)")
        }
    }

    /// The JSON text of a value, for embedding (tool arguments are JSON text inside JSON).
    public static func text(of value: JSONValue) -> String {
        (try? encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    // Foundation's coders are immutable once configured and safe to share between threads.
    static let decoder = JSONDecoder()

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        // Fast path: ASCII needs no decoding.
        if data.allSatisfy({ $0 < 0x80 }) { return nil }
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var scalarStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                scalarStart = offset
            case .emptyInput:
                return nil
            case .error:
                return scalarStart
            }
        }
    }

    /// Describes a decoding failure with the path of the member at fault.
    static func describe(_ error: DecodingError) -> WireError {
        switch error {
        case .typeMismatch(let type, let context):
            let expected = name(of: type) ?? context.debugDescription
            return .invalidField(field: path(context.codingPath), problem: "has the wrong type: expected \(expected)")
        case .valueNotFound(let type, let context):
            return .invalidField(field: path(context.codingPath), problem: "must not be null")
        case .keyNotFound(let key, let context):
            return .invalidField(field: path(context.codingPath + [key]), problem: "is required but missing")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return .malformedJSON(underlying ?? context.debugDescription)
            }
            return .invalidField(field: path(context.codingPath), problem: context.debugDescription)
        @unknown default:
            return .malformedJSON(String(describing: error))
        }
    }

    /// `messages[0].content` from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result.isEmpty ? "(body)" : result
    }

    private static func name(of type: Any.Type) -> String? {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default:
            if "\(type)".hasPrefix("Array") { "an array" }
            else if "\(type)".hasPrefix("Dictionary") { "an object" }
            else { nil }
        }
    }
}

/// A decoding failure raised from a hand-written `init(from:)`: the value at the decoder's path is
/// not what `expected` says.
func wrongType(_ decoder: any Decoder, expected: String) -> DecodingError {
    .typeMismatch(Any.self, .init(codingPath: decoder.codingPath, debugDescription: expected))
}

extension WireJSON {
    /// The one JSON object a model was asked to answer with, read strictly: the whole answer must
    /// be the object, though a Markdown code fence around it is tolerated. Nil otherwise.
    public static func objectAnswer(_ answer: String) -> JSONObject? {
        var text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```") {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            if text.hasSuffix("```") { text = String(text.dropLast(3)) }
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return try? decode(JSONObject.self, from: Data(text.utf8))
    }
}
