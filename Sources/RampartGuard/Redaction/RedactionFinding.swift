/// One secret or piece of personal data that ``Redactor`` replaced with a placeholder.
///
/// A finding deliberately does not keep the original value, so findings can go into audit events
/// and logs without leaking what was redacted.
public struct RedactionFinding: Sendable, Hashable {
    /// What kind of data was found. The raw values are the names used in configuration and audit.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// An e-mail address.
        case email
        /// A phone number, international (`+CC …`) or in a common national format.
        case phone
        /// A payment card number that passes the Luhn check and has a plausible issuer prefix.
        case card
        /// An IBAN whose length fits its country and which passes the mod-97 check.
        case iban
        /// An API key or token: vendor keys (OpenAI, Anthropic, AWS, GitHub, Slack, Google,
        /// Stripe), `Bearer` and `Basic` credentials, passwords in URLs, and high-entropy values
        /// of labelled secrets and passwords.
        case apiKey = "api_key"
        /// A PEM or OpenSSH private key block.
        case privateKey = "private_key"
        /// A JSON Web Token.
        case jwt

        /// The name inside placeholders: `EMAIL`, `API_KEY`, ….
        public var placeholderName: String { rawValue.uppercased() }
    }

    /// What kind of data was found.
    public var kind: Kind
    /// The placeholder that stands for the value in the redacted text, for example `[EMAIL_1]`.
    public var placeholder: String

    public init(kind: Kind, placeholder: String) {
        self.kind = kind
        self.placeholder = placeholder
    }
}

/// The result of ``Redactor/redact(_:)``: the text with placeholders, and what they stand for.
public struct Redaction: Sendable, Hashable {
    /// The text with every detected value replaced by its placeholder; the input itself when
    /// nothing was found.
    public var text: String
    /// One finding per distinct value, in order of first appearance.
    public var findings: [RedactionFinding]

    public init(text: String, findings: [RedactionFinding]) {
        self.text = text
        self.findings = findings
    }
}
