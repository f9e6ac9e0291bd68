/// A request or response that could not be decoded, encoded or translated.
///
/// Each case becomes a typed 4xx for a client (or a typed upstream error for a provider's answer);
/// `field` names the member at fault in dotted/indexed form (`messages[2].content`).
public enum WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body is not JSON (syntax error or invalid UTF-8).
    case malformedJSON(String)
    /// The JSON is valid but a member is missing, has the wrong type or an invalid value.
    case invalidField(field: String, problem: String)
    /// The request uses something the target API cannot express.
    case untranslatable(String)

    public var description: String {
        switch self {
        case .malformedJSON(let detail): "The request body is not valid JSON: \(detail)"
        case .invalidField(let field, let problem): "Invalid request: '\(field)' \(problem)"
        case .untranslatable(let detail): detail
        }
    }

    /// The member at fault, when known.
    public var field: String? {
        if case .invalidField(let field, _) = self { return field }
        return nil
    }
}
