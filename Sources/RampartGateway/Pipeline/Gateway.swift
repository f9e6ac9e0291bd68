import Foundation
import Logging
import RampartGuard
import RampartStore
import RampartWire
import Tracing

/// Marks requests that should go to an alias's `high_risk_target`. The input guard will be one;
/// until then, and in tests, any type can stand in.
public protocol RiskAssessor: Sendable {
    func isHighRisk(_ request: ChatRequest, principal: Principal) -> Bool
}

/// The request pipeline behind the HTTP layer: authentication, access control, routing, providers.
///
/// One instance serves one loaded configuration. It is safe to share between requests;
/// ``shutdown()`` releases the providers' connections.
public final class Gateway: Sendable {
    public let config: RampartConfig
    public let keyRing: KeyRing
    public let killSwitches: KillSwitchRegistry
    /// Keys created at run time (`POST /admin/keys`, `rampart keys`), when the server has a store.
    public let managedKeys: ManagedKeyRegistry?
    /// Holds keys and tenants to their limits.
    public let limiter: RequestLimiter
    /// Health of every target the configuration names, by `provider/model`.
    public let monitors: [String: TargetMonitor]
    private let providers: [String: any Provider]
    private let aliases: [String: ModelAlias]
    private let planner: RoutePlanner
    private let router: Router
    private let riskAssessor: (any RiskAssessor)?
    /// What the guard judges with (`nil` when every part of it is off).
    let guardEngine: GuardEngine?
    private let inputGuard: InputGuard?
    /// How audit events name the policy that judges (`nil` when the guard is off).
    private let policyStamp: AuditEvent.PolicyStamp?
    /// The candidate policy's input guard, judging in shadow (monitor only, no judge).
    private let shadowGuard: InputGuard?
    private let shadowStamp: AuditEvent.PolicyStamp?
    /// Hears each shadow judgement (the audit trail).
    private let shadowSink: (@Sendable (ShadowJudgement) -> Void)?
    private let outputGuard: OutputGuard?
    private let logger: Logger

    /// An answer and how it was routed.
    public struct Routed<Value: Sendable>: Sendable {
        public var value: Value
        public var target: Target
        /// Upstream calls made, retries included.
        public var attempts: Int
        /// `x-rampart-fallback-reason`, when the first choice did not serve.
        public var fallbackReason: String?
        /// `x-rampart-route-reason`, when routing departed from the alias's targets.
        public var routeReason: RouteReason?
        /// When the request's deadline passes (a stream must end by then).
        public var deadline: ContinuousClock.Instant
        /// The input guard's verdict (`x-rampart-guard`), when the guard ran.
        public var guardVerdict: GuardVerdict.Verdict?
    }

    /// The route a response the guard wrote itself reports (`x-rampart-route: rampart/guard`).
    public static let guardTarget = Target(provider: "rampart", model: "guard")

    /// A gateway for `config`; throws when the admin event log in the state directory, the
    /// constitution or the guard's model cannot be read.
    /// - Parameters:
    ///   - killSwitches: the registry to use (a reloaded gateway keeps its predecessor's); by
    ///     default one is opened in the state directory.
    ///   - managedKeys: keys created at run time, accepted beside the configured ones.
    ///   - limiter: counts requests and tokens against limits (a reloaded gateway keeps its predecessor's).
    ///   - health: monitors to keep, by target (`provider/model`): a reloaded gateway keeps its
    ///     predecessor's breaker states, 429 pauses and latencies (``ConfigReloader`` chooses which).
    ///     One is used only for a target of this configuration whose breaker settings it has;
    ///     every other target gets a new monitor.
    ///   - policy: the promoted policy to judge with instead of the configuration's constitution,
    ///     and a candidate to judge in shadow.
    ///   - shadow: hears the candidate's judgements (without it, no shadow runs).
    public init(config: RampartConfig, logger: Logger, riskAssessor: (any RiskAssessor)? = nil,
                killSwitches: KillSwitchRegistry? = nil, managedKeys: ManagedKeyRegistry? = nil,
                limiter: RequestLimiter = RequestLimiter(), health: [String: TargetMonitor] = [:], policy: PolicySelection = PolicySelection(),
                shadow: (@Sendable (ShadowJudgement) -> Void)? = nil) throws(GatewayStartError) {
        self.config = config
        self.managedKeys = managedKeys
        self.limiter = limiter
        self.logger = logger
        self.riskAssessor = riskAssessor
        keyRing = KeyRing(config.keys)
        if let killSwitches {
            self.killSwitches = killSwitches
        } else {
            do {
                self.killSwitches = try KillSwitchRegistry(directory: config.server.stateDirectory, logger: logger)
            } catch {
                throw GatewayStartError(message: error.message)
            }
        }
        let targets = config.models.flatMap(\.allTargets)
        var profiles: [String: Set<HTTPProvider.ConnectionProfile>] = [:]
        for target in targets {
            profiles[target.provider, default: []].insert(.init(connect: target.timeouts.connect, idle: target.timeouts.idle))
        }
        var providers: [String: any Provider] = [:]
        for provider in config.providers {
            let profiles = profiles[provider.id] ?? [.init(connect: provider.timeouts.connect, idle: provider.timeouts.idle)]
            providers[provider.id] = switch provider.kind {
            case .openAI(let options): try HTTPProvider(id: provider.id, api: .openAI, options: options, profiles: profiles)
            case .anthropic(let options): try HTTPProvider(id: provider.id, api: .anthropic, options: options, profiles: profiles)
            case .simulator(let options): SimulatorProvider(id: provider.id, options: options)
            }
        }
        self.providers = providers
        let guardConfig = config.guardConfig
        let engine = try Self.guardEngine(guardConfig, policy: policy.active)
        guardEngine = engine
        policyStamp = engine?.stamp
        let judge = guardConfig.judge.flatMap { judge in
            providers[judge.provider].flatMap { provider in
                engine.map { Judge(provider: provider, config: judge, constitution: $0.constitution, logger: logger) }
            }
        }
        inputGuard = engine.flatMap { engine in
            engine.inputOn ? InputGuard(classifier: engine.classifier, constitution: engine.constitution, config: guardConfig,
                                        redactor: guardConfig.redactSecrets ? Redactor() : nil, judge: judge) : nil
        }
        let candidate = try policy.candidate.flatMap { candidate throws(GatewayStartError) in
            try Self.guardEngine(guardConfig, policy: candidate).map { ($0, $0.stamp) }
        }
        shadowGuard = candidate.flatMap { engine, _ in
            engine.inputOn && shadow != nil ? InputGuard(classifier: engine.classifier, constitution: engine.constitution, config: guardConfig,
                                                         redactor: nil, judge: nil) : nil
        }
        shadowStamp = candidate?.1
        shadowSink = shadow
        outputGuard = engine.flatMap { engine in
            guardConfig.outputMode == .off ? nil : OutputGuard(
                classifier: engine.classifier, mode: guardConfig.outputMode, checkEveryTokens: guardConfig.checkEveryTokens,
                holdBackTokens: guardConfig.holdBackTokens, judge: judge, logger: logger)
        }
        var monitors: [String: TargetMonitor] = [:]
        for target in targets where monitors[target.description] == nil {
            if let kept = health[target.description], kept.settings == config.routing.breaker {
                monitors[target.description] = kept
            } else {
                monitors[target.description] = TargetMonitor(provider: target.provider, target: target.description,
                                                             settings: config.routing.breaker, logger: logger)
            }
        }
        self.monitors = monitors
        aliases = Dictionary(config.models.map { ($0.alias, $0) }, uniquingKeysWith: { first, _ in first })
        planner = RoutePlanner(aliases: aliases, monitors: monitors, logger: logger)
        router = Router(providers: providers, monitors: monitors, defaults: config.routing, logger: logger)
    }

    /// The aliases `principal` may use, sorted.
    public func modelAliases(for principal: Principal) -> [String] {
        let switches = killSwitches.active()
        return aliases.values.filter { model in
            principal.aliases?.contains(model.alias) != false
                && model.access.denial(for: principal, alias: model.alias) == nil && aliasSwitch(model.alias, principal, switches) == nil
        }.map(\.alias).sorted()
    }

    /// The principal for a presented key (`nil` when none was sent).
    ///
    /// Configured keys are checked first (no store read); then the managed keys, which are read
    /// fresh from the store so that one revoked on another replica is refused at once. Without
    /// any key, configured or managed, requests are served as ``Principal/anonymous``.
    public func authenticate(secret: String?) async throws(RampartError) -> Principal {
        if !keyRing.requiresKeys, await managedKeys?.hasKeys() != true { return .anonymous }
        guard let secret, !secret.isEmpty else {
            throw RampartError(status: 401, code: "rampart_missing_api_key",
                               message: "No API key was sent. Send your Rampart key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.")
        }
        var found = keyRing.principal(forSecret: secret)
        if found == nil, let managedKeys { found = try await managedKeys.principal(forSecret: secret) }
        guard let principal = found else {
            throw RampartError(status: 401, code: "rampart_invalid_api_key", message: "The API key is not valid for this Rampart gateway.")
        }
        if let killSwitch = killSwitches.active().first(where: { $0.scope == .key && $0.target == principal.keyID && $0.covers(principal) }) {
            throw RampartError(status: 403, code: "rampart_key_disabled",
                               message: "This API key ('\(principal.keyID)') is disabled by \(killSwitch.summary). Ask the gateway's operator.")
        }
        return principal
    }

    /// Sends a request and waits for the whole answer.
    ///
    /// - Parameter timeout: the client's own budget (`x-rampart-timeout-ms`), replacing the alias's.
    /// - Parameter trail: filled in with the guard's verdicts and the route, for the audit event.
    public func complete(_ request: ChatRequest, principal: Principal, timeout: Duration? = nil,
                         trail: RequestTrail? = nil) async throws(RampartError) -> Routed<ChatResponse> {
        let prepared = try await prepare(request, principal: principal, timeout: timeout, trail: trail)
        if let refusal = prepared.refusal {
            return Routed(value: refusal, target: Self.guardTarget, attempts: 0, deadline: prepared.deadline, guardVerdict: .block)
        }
        let request = prepared.request
        var served = try await router.run(prepared.plan, deadline: prepared.deadline) { provider, target, limits throws(UpstreamFailure) in
            try await provider.complete(request, model: target.model, limits: limits)
        }
        trail?.routed(target: served.target, attempts: served.trace.attempts, fallbackReason: served.trace.fallbackReason)
        if let outputGuard, let refusal = await outputGuard.judge(served.value, prompt: InputGuard.userText(of: request), request: request,
                                                                  trail: trail) {
            served.value = refusal
        }
        return routed(served, value: served.value, prepared)
    }

    /// Sends a request and returns its stream once the upstream has sent its first event; a
    /// failure before that fails over invisibly, one after it follows the alias's `stream_failover`.
    public func stream(_ request: ChatRequest, principal: Principal, timeout: Duration? = nil,
                       trail: RequestTrail? = nil) async throws(RampartError) -> Routed<EventStream> {
        let prepared = try await prepare(request, principal: principal, timeout: timeout, trail: trail)
        if let refusal = prepared.refusal {
            return Routed(value: EventStream.replaying(refusal), target: Self.guardTarget, attempts: 0, deadline: prepared.deadline,
                          guardVerdict: .block)
        }
        let (plan, deadline, request) = (prepared.plan, prepared.deadline, prepared.request)
        let router = router
        let start: @Sendable (ChatRequest, Set<String>) async throws(RampartError) -> Router.Served<StartedStream> = { request, used throws(RampartError) in
            try await router.run(plan, deadline: deadline, excluding: used, settlesOnReturn: false) { provider, target, limits throws(UpstreamFailure) in
                try await StartedStream.start(try await provider.stream(request, model: target.model, limits: limits))
            }
        }
        let served = try await start(request, [])
        trail?.routed(target: served.target, attempts: served.trace.attempts, fallbackReason: served.trace.fallbackReason)
        let stitched = StitchedStream(served, request: request, mode: plan.alias.streamFailover ?? config.routing.streamFailover, resume: start)
        let events = outputGuard.map { $0.watch(stitched.events, prompt: InputGuard.userText(of: request), trail: trail) } ?? stitched.events
        return routed(served, value: events, prepared)
    }

    /// Sends `request` to one target directly, past aliases, routing, breakers and the guard, within
    /// the target's timeouts: what canaries measure. Nothing is audited or counted as traffic.
    public func probe(_ request: ChatRequest, target: Target) async throws(RampartError) -> ChatResponse {
        guard let provider = providers[target.provider] else {
            throw RampartError(status: 404, code: "rampart_not_found", message: "No provider '\(target.provider)' is configured.")
        }
        let limits = AttemptLimits(connect: target.timeouts.connect, firstByte: target.timeouts.firstByte, idle: target.timeouts.idle,
                                   end: .now + target.timeouts.total, endIsRequestDeadline: false)
        do {
            return try await provider.complete(request, model: target.model, limits: limits)
        } catch {
            throw error.clientError(provider: target.provider)
        }
    }

    /// Every target the configuration routes to (alias targets, content-policy fallbacks and
    /// high-risk targets), once each, in configuration order.
    public var targets: [Target] {
        var seen = Set<String>()
        return config.models.flatMap(\.allTargets).filter { seen.insert($0.description).inserted }
    }

    /// Logs an upstream failure and returns the client's error.
    public func report(_ failure: UpstreamFailure, target: Target, request: ChatRequest) -> RampartError {
        let error = failure.clientError(provider: target.provider)
        logger.warning("upstream failure", metadata: ["route": "\(target)", "code": "\(error.code)", "detail": "\(error.message)"])
        return error
    }

    /// Stops every provider's connections.
    public func shutdown() async {
        for provider in providers.values { await provider.shutdown() }
    }

    /// What a request needs before it is routed.
    private struct Prepared {
        var plan: RoutePlan
        var deadline: ContinuousClock.Instant
        /// The request to send: redacted when the guard replaced secrets.
        var request: ChatRequest
        var guardVerdict: GuardVerdict.Verdict?
        /// The guard's refusal, when it answers in the model's place.
        var refusal: ChatResponse?
    }

    /// Access checks, the input guard, the route plan and the deadline for one request.
    private func prepare(_ request: ChatRequest, principal: Principal, timeout: Duration?, trail: RequestTrail?) async throws(RampartError) -> Prepared {
        let now = ContinuousClock.now
        guard let model = aliases[request.model] else {
            let known = modelAliases(for: principal).prefix(20).joined(separator: ", ")
            throw RampartError(status: 404, code: "rampart_model_not_found",
                               message: "The model '\(request.model)' does not exist on this gateway. Available models: \(known.isEmpty ? "none" : known).",
                               param: "model")
        }
        if let allowed = principal.aliases, !allowed.contains(model.alias) {
            throw RampartError(status: 403, code: "rampart_access_denied",
                               message: "This API key ('\(principal.keyID)') may not use the model '\(model.alias)'; it may use: \(allowed.sorted().joined(separator: ", ")).",
                               param: "model")
        }
        let switches = killSwitches.active()
        if let killSwitch = aliasSwitch(model.alias, principal, switches) {
            throw RampartError(status: 403, code: "rampart_model_disabled",
                               message: "The model '\(model.alias)' is disabled by \(killSwitch.summary).", param: "model")
        }
        if let (rule, reason) = model.access.denial(for: principal, alias: model.alias) {
            throw RampartError(status: 403, code: "rampart_access_denied",
                               message: "Access to model '\(model.alias)' is denied by rule \(rule): \(reason).", param: "model")
        }
        var highRisk = model.highRiskTarget != nil && riskAssessor?.isHighRisk(request, principal: principal) == true
        var request = request
        var verdict: GuardVerdict.Verdict?
        var refusal: ChatResponse?
        if let inputGuard {
            let screeningStarted = ContinuousClock.now
            let screening = await withSpan(RampartSpans.inputGuard) { span in
                let screening = await inputGuard.screen(request)
                span.record { attributes in
                    attributes["rampart.guard.verdict"] = screening.verdict.rawValue
                    attributes["rampart.guard.stage"] = screening.stage
                    attributes["rampart.guard.category"] = screening.decidingCategory?.id ?? screening.categories.first?.id
                    attributes["rampart.guard.action"] = screening.action?.rawValue
                }
                return screening
            }
            GuardTimings.record(direction: "input", stage: screening.stage, since: screeningStarted)
            trail?.screened(screening, policy: policyStamp)
            judgeInShadow(request, alias: model.alias, principal: principal, active: screening, requestID: trail?.requestID)
            verdict = screening.verdict
            if screening.verdict != .allow {
                logger.notice("input guard", metadata: [
                    "alias": "\(model.alias)", "verdict": "\(screening.verdict.rawValue)", "stage": "\(screening.stage)", "key": "\(principal.keyID)",
                    "explanation": "\(screening.explanation)", "enforced": "\(screening.action?.rawValue ?? "none")",
                ])
            }
            if let redacted = screening.redacted { request = redacted }
            switch screening.action {
            case .block?:
                throw Self.policyViolation(screening)
            case .refuse?:
                refusal = Self.refusal(for: request, category: screening.decidingCategory?.id ?? "policy")
            case .routeSafer?:
                highRisk = model.highRiskTarget != nil
            case .flag?, .redact?, nil:
                break
            }
        }
        let plan = planner.plan(model, principal: principal, highRisk: highRisk, switches: switches, now: Date())
        return Prepared(plan: plan, deadline: now + (timeout ?? model.deadline ?? config.routing.deadline), request: request,
                        guardVerdict: verdict, refusal: refusal)
    }

    /// Judges `request` with the candidate policy too, in a task of its own: the request does
    /// not wait for it, and the candidate's verdict changes nothing but the shadow record.
    private func judgeInShadow(_ request: ChatRequest, alias: String, principal: Principal, active: InputGuard.Screening, requestID: String?) {
        guard let shadowGuard, let shadowSink, let shadowStamp else { return }
        let activeRecord = active.record(direction: "input")
        Task.detached(priority: .background) {
            let screening = await shadowGuard.screen(request)
            shadowSink(ShadowJudgement(requestID: requestID, principal: principal, alias: alias, prompt: InputGuard.userText(of: request),
                                       active: activeRecord, candidate: screening.record(direction: "shadow"), policy: shadowStamp))
        }
    }

    private func aliasSwitch(_ alias: String, _ principal: Principal, _ switches: [KillSwitch]) -> KillSwitch? {
        switches.first { $0.scope == .alias && $0.target == alias && $0.covers(principal) }
    }

    private func routed<Served: Sendable, Value: Sendable>(_ served: Router.Served<Served>, value: Value, _ prepared: Prepared) -> Routed<Value> {
        Routed(value: value, target: served.target, attempts: served.trace.attempts, fallbackReason: served.trace.fallbackReason,
               routeReason: served.routeReason, deadline: prepared.deadline, guardVerdict: prepared.guardVerdict)
    }
}
