import RampartStore

/// `escalation`: who hears about an incident, by severity and category.
public struct EscalationConfig: Sendable, Hashable {
    /// One destination and the incidents it wants.
    public struct Route: Sendable, Hashable {
        public enum Destination: Sendable, Hashable {
            /// A JSON POST signed with HMAC-SHA256 of `secret` (`x-rampart-signature: sha256=<hex>`).
            case webhook(url: String, secret: String?)
            /// A program run with the incident's JSON on standard input.
            case command([String])
            /// A line in Rampart's log.
            case log
        }

        public var name: String
        public var minSeverity: Incident.Severity
        /// Only incidents touching one of these categories; empty: any.
        public var categories: [String]
        public var destination: Destination

        public init(name: String, minSeverity: Incident.Severity = .low, categories: [String] = [], destination: Destination) {
            self.name = name
            self.minSeverity = minSeverity
            self.categories = categories
            self.destination = destination
        }

        /// Whether `incident` goes this way.
        public func wants(_ incident: Incident) -> Bool {
            incident.severity >= minSeverity && (categories.isEmpty || !Set(categories).isDisjoint(with: incident.scope.categories))
        }
    }

    public var routes: [Route] = []
    /// Tries after the first for a webhook or command that failed.
    public var retries = 3
    /// The wait before the first retry, doubled before each next one.
    public var backoff: Duration = .seconds(1)
    /// When a category's block rate jumping opens an incident; nil: never.
    public var blockRate: BlockRateWatch.Settings? = BlockRateWatch.Settings()

    public init() {}
}
