/// The rules for carrying members Rampart does not model from one wire API to another.
///
/// Within one API everything is forwarded. Across APIs, a member is dropped only when it cannot
/// change the answer: it is advisory (listed below) or holds its neutral value (`null`, `false`,
/// `0`, empty). Anything else fails the request with ``WireError/untranslatable(_:)`` naming the
/// member: a silent drop could change what the model does without anyone knowing.
public enum Translation {
    /// Top-level request members that only inform the provider (billing, storage, caching hints).
    public static let advisoryRequestMembers: Set<String> = [
        "store", "metadata", "service_tier", "prompt_cache_key", "prompt_cache_retention",
        "safety_identifier", "user", "seed",
    ]

    /// Members of messages, parts and tools that only inform the provider.
    public static let advisoryPartMembers: Set<String> = ["cache_control", "name", "citations"]

    /// Throws unless every member of `extras` may be left behind when going from `source` to `target`.
    /// - Parameter path: where the members sit, for the message (`""`, `messages[2].`).
    static func check(
        _ extras: JSONObject, at path: String, from source: WireAPI, to target: WireAPI, advisory: Set<String>
    ) throws(WireError) {
        guard source != target else { return }
        for (key, value) in extras.sorted(by: { $0.key < $1.key }) where !advisory.contains(key) && !value.isNeutral {
            throw .untranslatable(
                "'\(path)\(key)' is a \(source) feature that the \(target) API cannot express, and Rampart "
                    + "does not drop it silently. Remove it, or route this model to a provider that speaks \(source)."
            )
        }
    }

    /// Throws for a canonical part only its source API understands.
    static func unsupported(_ what: String, at path: String, target: WireAPI) -> WireError {
        .untranslatable("\(what) at '\(path)' cannot be expressed in the \(target) API, and Rampart does not drop it silently.")
    }
}

extension JSONValue {
    /// `null`, `false`, `0`, `""`, `[]` or `{}`: a value that asks for nothing.
    var isNeutral: Bool {
        switch self {
        case .null: true
        case .bool(let value): !value
        case .int(let value): value == 0
        case .double(let value): value == 0
        case .string(let value): value.isEmpty
        case .array(let value): value.isEmpty
        case .object(let value): value.isEmpty
        }
    }
}
