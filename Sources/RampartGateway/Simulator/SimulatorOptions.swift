/// How the built-in simulator provider behaves (DESIGN.md §3). All optional.
public struct SimulatorOptions: Sendable, Hashable {
    /// Comply with any request instead of refusing obviously harmful ones.
    public var naive: Bool
    /// Pause between streamed tokens.
    public var tokenDelayMilliseconds: Int
    /// Pause before the first byte of the answer.
    public var firstByteDelayMilliseconds: Int
    /// A fixed answer; otherwise the answer is derived from the last user message.
    public var text: String?
    /// A failure to inject, for resilience tests.
    public var fault: SimulatorFault?
    /// The share of requests (0–1) refused whatever they ask, as a model re-tuned to over-refuse
    /// does (`refuse_rate`; canaries must notice it). Spread evenly over each prompt's repeats.
    public var refuseRate = 0.0

    public init(naive: Bool = false, tokenDelayMilliseconds: Int = 0, firstByteDelayMilliseconds: Int = 0,
                text: String? = nil, fault: SimulatorFault? = nil) {
        self.naive = naive
        self.tokenDelayMilliseconds = tokenDelayMilliseconds
        self.firstByteDelayMilliseconds = firstByteDelayMilliseconds
        self.text = text
        self.fault = fault
    }
}

/// A failure the simulator injects into a share (`rate`) of its requests.
public struct SimulatorFault: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Answer with this HTTP status and message, as a provider's error.
        case status(Int, message: String?)
        /// Answer 500 with an HTML page, as a misbehaving load balancer does.
        case html
        /// Never answer.
        case hang
        /// Drop the connection before answering.
        case reset
        /// Stream this many tokens, then break off without finishing.
        case cutAfterTokens(Int)
        /// Answer 200 with a body that is not the API's format.
        case malformed
    }

    public var kind: Kind
    /// Share of requests that fail, 0–1; the failures are spread evenly and deterministically.
    public var rate: Double

    public init(kind: Kind, rate: Double = 1) {
        self.kind = kind
        self.rate = rate
    }
}
