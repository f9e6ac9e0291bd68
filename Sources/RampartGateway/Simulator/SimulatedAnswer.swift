import RampartWire

/// What the simulator answers to a request: deterministic, derived only from the request and the
/// options, so that tests and demos can predict it.
///
/// - With tools offered and the last message from the user, it calls the forced tool or the first
///   one, with arguments built from the tool's JSON schema.
/// - After a tool result, it answers with text that quotes the result.
/// - Otherwise it answers with `text` from the options, or a sentence built from the last user
///   message. Unless `naive`, it refuses requests whose wording is plainly harmful — a crude
///   keyword test that stands in for a cautious model; the guard never relies on it. A `naive`
///   simulator complies with anything, and its answer says so ("Sure, here is what you asked
///   for: …"), as a red-team dry run needs.
/// - A conversation that ends with an assistant message is a prefill: when that text begins the
///   answer the simulator would give without it, it continues from there (as a model continues
///   its own partial answer), so that a resumed stream reads exactly like an unbroken one.
struct SimulatedAnswer {
    enum Body: Equatable {
        case text([String])
        case toolCall(ToolCall)
    }

    let body: Body
    let stopReason: StopReason
    let inputTokens: Int

    /// - Parameter refuse: answer with a refusal whatever is asked (`refuse_rate` struck).
    init(request: ChatRequest, options: SimulatorOptions, callID: String, refuse: Bool = false) {
        var request = request
        var prefill = ""
        if request.messages.last?.role == .assistant {
            prefill = request.messages.removeLast().text
        }
        inputTokens = request.messages.reduce(0) { $0 + Self.words($1.text).count }
        let last = request.messages.last
        if !request.tools.isEmpty, request.toolChoice != ToolChoice.none, last?.role == .user,
           let tool = Self.tool(for: request) {
            body = .toolCall(ToolCall(id: callID, name: tool.name, arguments: WireJSON.text(of: Self.arguments(for: tool.parameters, userText: last?.text ?? ""))))
            stopReason = .toolUse
            return
        }
        let text: String
        if let fixed = options.text {
            text = fixed
        } else if last?.role == .tool, let result = last?.text {
            text = "The tool returned: \(result)"
        } else if refuse {
            text = "I'm sorry, but I can't help with that."
        } else if !options.naive, Self.looksHarmful(request.userText.last ?? "") {
            text = "I can't help with that request."
        } else if options.naive {
            // Compliance-shaped, as a model that does whatever it is asked would answer.
            let prompt = Self.words(request.userText.last ?? "").prefix(12).joined(separator: " ")
            text = "Sure, here is what you asked for: \(prompt). First, gather what you need. Then follow the steps in order. Finally, check the result."
        } else {
            let prompt = Self.words(request.userText.last ?? "").prefix(12).joined(separator: " ")
            text = "This is the Rampart simulator answering: \(prompt)"
        }
        var tokens = Self.tokens(text)
        var reason: StopReason = .endTurn
        if let stop = request.stopSequences.first(where: { text.contains($0) }), let range = text.range(of: stop) {
            tokens = Self.tokens(String(text[..<range.lowerBound]))
            reason = .stopSequence(stop)
        }
        if let limit = request.maxTokens, tokens.count > limit {
            tokens = Array(tokens.prefix(limit))
            reason = .maxTokens
        }
        body = .text(Self.continuing(tokens, after: prefill))
        stopReason = reason
    }

    /// The tokens after those that spell `prefill` (which may lack its trailing whitespace, as
    /// Anthropic requires), or all of them when they do not start with it.
    private static func continuing(_ tokens: [String], after prefill: String) -> [String] {
        guard !prefill.isEmpty else { return tokens }
        var spelled = ""
        for (index, token) in tokens.enumerated() {
            spelled += token
            let trimmed = String(spelled.reversed().drop { $0.isWhitespace }.reversed())
            if spelled == prefill || trimmed == prefill { return Array(tokens[(index + 1)...]) }
            if !prefill.hasPrefix(trimmed) { break }
        }
        return tokens
    }

    /// Tokens as the simulator streams them: each word with the space that follows it.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }

    private static func tool(for request: ChatRequest) -> ToolDefinition? {
        if case .tool(let name)? = request.toolChoice { return request.tools.first { $0.name == name } }
        return request.tools.first
    }

    /// Arguments that satisfy the schema's required properties (all properties if none are required).
    /// Strings take the last capitalised word of the user's message, else `"example"`.
    static func arguments(for schema: JSONValue, userText: String) -> JSONValue {
        let properties = schema["properties"]?.objectValue ?? [:]
        let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? properties.keys.sorted()
        let noun = words(userText).last(where: { $0.first?.isUppercase == true })
            .map { String($0).trimmingCharacters(in: .punctuationCharacters) } ?? "example"
        var result: JSONObject = [:]
        for name in required {
            let property = properties[name] ?? .object([:])
            if let first = property["enum"]?.arrayValue?.first {
                result[name] = first
                continue
            }
            switch property["type"]?.stringValue {
            case "integer": result[name] = .int(1)
            case "number": result[name] = .double(1)
            case "boolean": result[name] = .bool(true)
            case "array": result[name] = .array([])
            case "object": result[name] = arguments(for: property, userText: userText)
            default: result[name] = .string(noun)
            }
        }
        return .object(result)
    }

    private static let harmfulWords = ["bomb", "explosive", "nerve agent", "bioweapon", "malware", "ransomware", "kill someone", "meth"]

    private static func looksHarmful(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return harmfulWords.contains { lowered.contains($0) }
    }
}
