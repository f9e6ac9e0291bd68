import Foundation
import RampartGateway
import RampartWire

/// `GET /admin/providers`: every provider and the health of each of its targets.
struct AdminProvidersView: Encodable {
    struct ProviderView: Encodable {
        var id: String
        var kind: String
        var killSwitches: [String]
        var targets: [TargetView]
    }

    struct TargetView: Encodable {
        var target: String
        var model: String
        var aliases: [String]
        var breaker: BreakerView
        var pausedUntil: Date?
        var latencyEwmaMs: Double?
        var lastFailure: FailureView?
        var killSwitches: [String]
        /// The latest canary run and any drift (when canaries have run).
        var canary: CanaryMonitor.TargetStatus?
    }

    struct BreakerView: Encodable {
        var state: String
        var windowAttempts: Int
        var windowFailures: Int
        var consecutiveFailures: Int
        var openedAt: Date?
        var retryAt: Date?
    }

    struct FailureView: Encodable {
        var `class`: String
        var message: String
        var at: Date
    }

    var providers: [ProviderView]

    init(gateway: Gateway, canaries: CanaryMonitor? = nil) {
        let switches = gateway.killSwitches.active()
        let canary = Dictionary((canaries?.status() ?? []).filter { $0.runs > 0 }.map { ($0.target, $0) }, uniquingKeysWith: { first, _ in first })
        var aliasesByTarget: [String: [String]] = [:]
        var modelByTarget: [String: String] = [:]
        for model in gateway.config.models {
            for target in model.allTargets {
                aliasesByTarget[target.description, default: []].append(model.alias)
                modelByTarget[target.description] = target.model
            }
        }
        providers = gateway.config.providers.map { provider in
            let kind = switch provider.kind {
            case .openAI: "openai"
            case .anthropic: "anthropic"
            case .simulator: "simulator"
            }
            let targets = gateway.monitors.values.filter { $0.provider == provider.id }.sorted { $0.target < $1.target }.map { monitor in
                let snapshot = monitor.snapshot()
                return TargetView(
                    target: monitor.target, model: modelByTarget[monitor.target] ?? "",
                    aliases: Array(Set(aliasesByTarget[monitor.target] ?? [])).sorted(),
                    breaker: BreakerView(state: snapshot.state.name, windowAttempts: snapshot.windowAttempts, windowFailures: snapshot.windowFailures,
                                         consecutiveFailures: snapshot.consecutiveFailures, openedAt: snapshot.openedAt, retryAt: snapshot.retryAt),
                    pausedUntil: snapshot.pausedUntil, latencyEwmaMs: snapshot.latencyMilliseconds,
                    lastFailure: snapshot.lastFailure.map { FailureView(class: $0.errorClass.rawValue, message: $0.message, at: $0.at) },
                    killSwitches: switches.filter { $0.scope == .target && $0.target == monitor.target }.map(\.id), canary: canary[monitor.target])
            }
            return ProviderView(id: provider.id, kind: kind,
                                killSwitches: switches.filter { $0.scope == .provider && $0.target == provider.id }.map(\.id), targets: targets)
        }
    }
}

/// A kill switch as the admin API shows it: the stored fields plus its status now.
struct KillSwitchView: Encodable {
    var killSwitch: KillSwitch
    var status: String

    init(_ killSwitch: KillSwitch, now: Date) {
        self.killSwitch = killSwitch
        status = killSwitch.status(at: now)
    }

    func encode(to encoder: any Encoder) throws {
        try killSwitch.encode(to: encoder)
        var container = encoder.container(keyedBy: StatusKey.self)
        try container.encode(status, forKey: .status)
    }

    private enum StatusKey: String, CodingKey { case status }
}

/// A validated `POST /admin/kill-switches` body.
struct KillSwitchOrder {
    var scope: KillSwitch.Scope
    var target: String
    var tenant: String?
    var attributes: [String: [String]]
    var reason: String
    var expiresAt: Date?
    /// The incident this mitigates (`INC-n`); without one, throwing the switch opens an incident.
    var incident: String?

    static let members: Set = ["scope", "target", "tenant", "attributes", "reason", "expires_in_s", "expires_at", "incident"]

    init(json: Data, gateway: Gateway) throws(RampartError) {
        let body: JSONObject
        do {
            body = try WireJSON.decode(JSONObject.self, from: json)
        } catch {
            throw RampartError(error)
        }
        if let unknown = body.keys.sorted().first(where: { !Self.members.contains($0) }) {
            throw Self.invalid(unknown, "is not a kill switch field; allowed: \(Self.members.sorted().joined(separator: ", "))")
        }
        guard let scopeName = body["scope"]?.stringValue, let scope = KillSwitch.Scope(rawValue: scopeName) else {
            throw Self.invalid("scope", "must be one of \(KillSwitch.Scope.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let target = body["target"]?.stringValue, !target.isEmpty else {
            throw Self.invalid("target", "must name the \(scopeName) to disable")
        }
        let known = Self.known(scope, gateway: gateway)
        guard known.contains(target) else {
            throw Self.invalid("target", "names \(scopeName) '\(target)', which is not configured (configured: \(known.sorted().joined(separator: ", ")))")
        }
        guard let reason = body["reason"]?.stringValue, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Self.invalid("reason", "must say why, for the audit trail and for the clients it affects")
        }
        self.scope = scope
        self.target = target
        self.reason = reason
        switch body["tenant"] {
        case nil, .null?: tenant = nil
        case .string(let value)?: tenant = value
        default: throw Self.invalid("tenant", "must be a string")
        }
        attributes = try AdminBody.attributes(body["attributes"])
        expiresAt = try AdminBody.expiry(body)
        switch body["incident"] {
        case nil, .null?: incident = nil
        case .string(let value)?: incident = value
        default: throw Self.invalid("incident", "must be an incident id such as INC-3")
        }
    }

    private static func known(_ scope: KillSwitch.Scope, gateway: Gateway) -> Set<String> {
        switch scope {
        case .provider: Set(gateway.config.providers.map(\.id))
        case .target: Set(gateway.monitors.keys)
        case .alias: Set(gateway.config.models.map(\.alias))
        case .key: Set(gateway.config.keys.map(\.id) + ((try? gateway.managedKeys?.list()) ?? []).map(\.id))
        }
    }

    private static func invalid(_ field: String, _ problem: String) -> RampartError {
        AdminBody.invalid(field, problem)
    }
}

/// Fields that several admin bodies share, read with the same rules and errors.
enum AdminBody {
    static func attributes(_ value: JSONValue?) throws(RampartError) -> [String: [String]] {
        guard let value, value != .null else { return [:] }
        guard let object = value.objectValue else { throw invalid("attributes", "must be an object of attribute names to values") }
        var attributes: [String: [String]] = [:]
        for (name, values) in object {
            if let single = values.stringValue {
                attributes[name] = [single]
            } else if let list = values.arrayValue, list.allSatisfy({ $0.stringValue != nil }), !list.isEmpty {
                attributes[name] = list.compactMap(\.stringValue)
            } else {
                throw invalid("attributes.\(name)", "must be a string or a non-empty list of strings")
            }
        }
        return attributes
    }

    static func expiry(_ body: JSONObject) throws(RampartError) -> Date? {
        switch (body["expires_in_s"], body["expires_at"]) {
        case (nil, nil), (.null?, nil), (nil, .null?):
            return nil
        case (let seconds?, nil):
            let value: Double? = switch seconds {
            case .int(let whole): Double(whole)
            case .double(let fraction): fraction
            default: nil
            }
            guard let value, value > 0 else { throw invalid("expires_in_s", "must be a positive number of seconds") }
            return Date(timeIntervalSinceNow: value)
        case (nil, let text?):
            guard let date = text.stringValue.flatMap(Timestamps.parse) else {
                throw invalid("expires_at", "must be an RFC 3339 time such as 2026-12-31T18:00:00Z")
            }
            guard date > Date() else { throw invalid("expires_at", "is in the past") }
            return date
        default:
            throw invalid("expires_in_s", "cannot be given together with expires_at")
        }
    }

    static func invalid(_ field: String, _ problem: String) -> RampartError {
        RampartError(status: 400, code: "rampart_invalid_request", message: "Field '\(field)' \(problem).", param: field)
    }

    /// The body as a JSON object (empty when there is none), with no members outside `allowed`.
    static func object(_ data: Data, allowed: Set<String>) throws(RampartError) -> JSONObject {
        guard !data.isEmpty else { return [:] }
        let body: JSONObject
        do {
            body = try WireJSON.decode(JSONObject.self, from: data)
        } catch {
            throw RampartError(error)
        }
        if let unknown = body.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw invalid(unknown, "is not allowed here; allowed: \(allowed.sorted().joined(separator: ", "))")
        }
        return body
    }

    /// `limits`, as a configured key's (docs/limits.md).
    static func limits(_ value: JSONValue?) throws(RampartError) -> Limits? {
        guard let value, value != .null else { return nil }
        guard let object = value.objectValue else { throw invalid("limits", "must be an object") }
        let allowed: Set = ["requests_per_minute", "tokens_per_minute", "concurrency", "budget"]
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw invalid("limits.\(unknown)", "is not a limit; allowed: \(allowed.sorted().joined(separator: ", "))")
        }
        func count(_ name: String) throws(RampartError) -> Int? {
            switch object[name] {
            case nil, .null?: return nil
            case .int(let value)? where value >= 1: return Int(value)
            default: throw invalid("limits.\(name)", "must be a whole number, 1 or more")
            }
        }
        var limits = Limits(requestsPerMinute: try count("requests_per_minute"), tokensPerMinute: try count("tokens_per_minute"),
                            concurrency: try count("concurrency"))
        if let budget = object["budget"], budget != .null {
            guard let fields = budget.objectValue, let usd = fields["usd"].flatMap(Self.number), usd > 0 else {
                throw invalid("limits.budget", "must be {\"usd\": amount, \"per\": \"day\"|\"month\", \"alert_at\": share}")
            }
            var parsed = Budget(usd: usd)
            if let per = fields["per"] {
                guard let period = per.stringValue.flatMap(Budget.Period.init) else { throw invalid("limits.budget.per", "must be day or month") }
                parsed.period = period
            }
            if let alert = fields["alert_at"] {
                guard let share = Self.number(alert), share > 0, share <= 1 else { throw invalid("limits.budget.alert_at", "must be a share between 0 and 1") }
                parsed.alertAt = share
            }
            limits.budget = parsed
        }
        return limits.isEmpty ? nil : limits
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let whole): Double(whole)
        case .double(let fraction): fraction
        default: nil
        }
    }

    /// An optional string member.
    static func string(_ body: JSONObject, _ name: String) throws(RampartError) -> String? {
        switch body[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw invalid(name, "must be a string")
        }
    }
}
