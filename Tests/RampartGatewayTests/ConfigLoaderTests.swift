import Testing
@testable import RampartGateway

@Suite struct ConfigLoaderTests {
    let environment = ["APP1_KEY": "secret-one", "UP_KEY": "upstream-secret"]

    func load(_ yaml: String) throws -> RampartConfig {
        try ConfigLoader.parse(yaml: yaml, environment: environment)
    }

    func issues(_ yaml: String) -> [ConfigIssue] {
        do {
            _ = try load(yaml)
            return []
        } catch let error as ConfigError {
            return error.issues
        } catch {
            return [ConfigIssue(path: "?", line: nil, message: "\(error)")]
        }
    }

    @Test func loadsTheDesignExample() throws {
        let config = try load("""
            server: {host: 127.0.0.1, port: 9090, max_body_bytes: 65536, admin_token: env:APP1_KEY}
            providers:
              - {id: openai, kind: openai, base_url: "https://api.openai.com/v1", api_key: env:UP_KEY}
              - {id: local, kind: openai, base_url: "http://127.0.0.1:11434/v1/"}
              - {id: claude, kind: anthropic, api_key: env:UP_KEY}
              - id: sim
                kind: simulator
                token_delay_ms: 5
                fault: {status: 429, message: slow down, rate: 0.25}
            models:
              - alias: assistant
                strategy: fallback
                targets:
                  - {provider: claude, model: claude-sonnet-4-5}
                  - {provider: openai, model: gpt-4.1, weight: 2}
            keys:
              - {id: app-1, secret: env:APP1_KEY, tenant: acme, attributes: {jurisdiction: US, teams: [a, b]}}
              - {id: app-2, secret_hash: "sha256:\(KeyRing.digest("two"))"}
            """)
        #expect(config.server.port == 9090 && config.server.maxBodyBytes == 65536 && config.server.adminToken == "secret-one")
        #expect(config.providers.map(\.id) == ["openai", "local", "claude", "sim"])
        guard case .openAI(let openAI) = config.providers[0].kind, case .openAI(let local) = config.providers[1].kind,
              case .anthropic(let claude) = config.providers[2].kind, case .simulator(let sim) = config.providers[3].kind else {
            Issue.record("wrong provider kinds")
            return
        }
        #expect(openAI.apiKey == "upstream-secret" && openAI.maxTokensField == "max_completion_tokens")
        #expect(local.baseURL == "http://127.0.0.1:11434/v1" && local.maxTokensField == "max_tokens")
        #expect(claude.baseURL == "https://api.anthropic.com")
        #expect(sim.fault == SimulatorFault(kind: .status(429, message: "slow down"), rate: 0.25))
        #expect(config.models[0].targets[1] == Target(provider: "openai", model: "gpt-4.1", weight: 2))
        #expect(config.keys[0].attributes == ["jurisdiction": ["US"], "teams": ["a", "b"]])
        let ring = KeyRing(config.keys)
        #expect(ring.principal(forSecret: "secret-one")?.tenant == "acme")
        #expect(ring.principal(forSecret: "two")?.keyID == "app-2")
        #expect(ring.principal(forSecret: "three") == nil)
    }

    @Test func reportsEveryProblemWithPathAndLine() {
        let found = issues("""
            server:
              prot: 8080
            providers:
              - {id: a, kind: openai, api_key: env:MISSING_KEY}
              - {id: a, kind: bedrock}
            models:
              - alias: x
                targets:
                  - {provider: nowhere, model: m}
            """)
        let byPath = Dictionary(found.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byPath["server.prot"]?.line == 2)
        #expect(byPath["server.prot"]?.message.contains("Did you mean 'port'?") == true)
        #expect(byPath["providers[0].api_key"]?.message.contains("MISSING_KEY") == true)
        #expect(byPath["providers[0].api_key"]?.line == 4)
        #expect(byPath["providers[1].kind"]?.message.contains("bedrock") == true)
        #expect(byPath["models[0].targets[0].provider"]?.line == 9)
        #expect(found.count >= 4)
    }

    @Test func rejectsYAMLSyntaxErrorsWithTheirLine() {
        let found = issues("server:\n  host: [unclosed\nproviders: []\n")
        #expect(found.count == 1 && found[0].line != nil && found[0].message.contains("YAML"))
    }

    @Test func refusesAPublicAddressWithoutKeys() {
        let found = issues("server: {host: 0.0.0.0}\nproviders: [{id: s, kind: simulator}]\n")
        #expect(found.map(\.path) == ["server.host"])
    }

    @Test func readsKeyAndTenantLimitsAndRejectsWhatIsWrongWithThem() throws {
        let config = try load("""
            keys: [{id: app-1, secret: env:APP1_KEY, tenant: acme, limits: {requests_per_minute: 600, concurrency: 4}}]
            tenants: [{id: acme, limits: {tokens_per_minute: 100000}}]
            limits: {window_s: 10}
            """)
        #expect(config.keys[0].limits == Limits(requestsPerMinute: 600, concurrency: 4))
        #expect(config.tenants == [TenantConfig(id: "acme", limits: Limits(tokensPerMinute: 100_000))])
        #expect(config.limitWindowSeconds == 10)
        #expect(issues("keys: [{id: a, secret: env:APP1_KEY, limits: {requests_per_minute: 0}}]\n").map(\.path) == ["keys[0].limits.requests_per_minute"])
        #expect(issues("keys: [{id: a, secret: env:APP1_KEY, limits: {per_hour: 5}}]\n").map(\.path) == ["keys[0].limits.per_hour"])
        #expect(issues("keys: [{id: a, secret: env:APP1_KEY}]\nlimits: {window_s: 0}\n").map(\.path) == ["limits.window_s"])
    }

    @Test func readsTraceExportAndRejectsWhatIsWrongWithIt() throws {
        #expect(try load("providers: [{id: s, kind: simulator}]\n").telemetry.traces == nil)
        let traces = try #require(try load("""
            telemetry:
              traces: {endpoint: "http://otel:4318/v1/traces", protocol: http/json, sample_ratio: 0.25,
                       service_name: edge, headers: {x-token: env:APP1_KEY}}
            """).telemetry.traces)
        #expect(traces.endpoint == "http://otel:4318/v1/traces" && traces.encoding == .json)
        #expect(traces.sampleRatio == 0.25 && traces.serviceName == "edge" && traces.headers == ["x-token": "secret-one"])
        #expect(issues("telemetry: {traces: {endpoint: \"otel:4317\"}}\n").map(\.path) == ["telemetry.traces.endpoint"])
        #expect(issues("telemetry: {traces: {endpoint: \"http://otel:4318\", protocol: grpc}}\n").map(\.path) == ["telemetry.traces.protocol"])
        #expect(issues("telemetry: {traces: {endpoint: \"http://otel:4318\", sample_ratio: 2}}\n").map(\.path) == ["telemetry.traces.sample_ratio"])
        #expect(issues("telemetry: {traces: {protocol: http/json}}\n").map(\.path) == ["telemetry.traces.endpoint"])
        #expect(issues("telemetry: {metrics: {}}\n").map(\.path) == ["telemetry.metrics"])
    }

    @Test func readsEscalationRoutesAndStoreSettingsAndRejectsWhatIsWrongWithThem() throws {
        #expect(issues("escalation: {webhooks: []}\n").map(\.path) == ["escalation.webhooks"])
        #expect(issues("escalation: {routes: [{name: a, log: true, command: [/bin/true]}]}\n").map(\.path) == ["escalation.routes[0]"])
        #expect(issues("escalation: {routes: [{name: a, webhook: {url: ftp://x}}]}\n").map(\.path) == ["escalation.routes[0].webhook.url"])
        #expect(issues("store: {url: postgres://u:p@h/db}\n").isEmpty)
        #expect(issues("store: {url: \"postgres://u:p@h/db?sslmode=sometimes\"}\n").map(\.path) == ["store.url"])
        #expect(issues("store: {url: \"postgres://u:p@h/db?pool=9\"}\n").map(\.path) == ["store.url"])
        #expect(issues("store: {text: everything}\n").map(\.path) == ["store.text"])
        let config = try ConfigLoader.parse(yaml: """
            store: {text: redacted, retention_days: 30}
            escalation:
              retries: 1
              routes:
                - {name: sec, min_severity: high, categories: [weapons], webhook: {url: "https://hooks.example/x", secret: s3cret}}
                - {name: all, log: true}
            """, environment: [:])
        #expect(config.store.text == .redacted && config.store.retentionDays == 30 && config.escalation.retries == 1)
        #expect(config.escalation.routes.map(\.name) == ["sec", "all"] && config.escalation.routes[0].minSeverity == .high)
    }

    @Test func checksTheGuardSection() {
        #expect(issues("guard: {judge: {provider: p, model: m}}\n").map(\.path) == ["guard.judge.provider"])
        #expect(issues("guard: {input: {mode: enforce, categories: {self_harm: monitor}, redact: true}}\n").isEmpty)
    }

    @Test func rejectsBadKeysAndFaults() {
        let found = issues("""
            providers: [{id: s, kind: simulator, fault: {hang: true, reset: true}}]
            keys:
              - {id: k1, secret: x, secret_hash: "sha256:00"}
              - {id: k2, secret_hash: "md5:abc"}
            """)
        #expect(Set(found.map(\.path)) == ["providers[0].fault", "keys[0]", "keys[1].secret_hash"])
    }

    @Test func readsRoutingWithTargetOverridesOnTopOfProviderTimeouts() throws {
        let config = try load("""
            routing: {deadline_ms: 30000, stream_failover: error, breaker: {cooldown_s: 5, min_requests: 3}, on_error: {server_error: fail_over}}
            providers: [{id: s, kind: simulator, timeouts: {connect_ms: 100, idle_ms: 200}}]
            models:
              - alias: a
                strategy: least-latency
                on_error: {rate_limited: retry}
                access: {require: {jurisdiction: [US, CA]}, deny: {tenant: x}}
                targets:
                  - {provider: s, model: m, retries: 2, context_window: 8000, timeouts: {idle_ms: 50},
                     deprecated: {since: 2026-01-01, sunset: "2027-01-01T00:00:00Z", successor: b}}
              - {alias: b, targets: [{provider: s, model: n}]}
            """)
        #expect(config.routing.deadline == .seconds(30) && config.routing.streamFailover == .error)
        #expect(config.routing.breaker.cooldown == .seconds(5) && config.routing.breaker.minRequests == 3)
        #expect(config.routing.actions == [.serverError: .failOver])
        let alias = config.models[0]
        #expect(alias.strategy == .leastLatency && alias.actions == [.rateLimited: .retry])
        #expect(alias.access.require.map(\.values) == [["US", "CA"]] && alias.access.deny.map(\.values) == [["x"]])
        let target = alias.targets[0]
        #expect(target.retries == 2 && target.contextWindow == 8000 && target.deprecation?.successor == "b")
        #expect(target.timeouts.connect == .milliseconds(100) && target.timeouts.idle == .milliseconds(50))
        #expect(config.models[1].targets[0].timeouts.idle == .milliseconds(200))
    }

    @Test func reportsRoutingMistakesWhereTheyAre() {
        let found = issues("""
            providers: [{id: s, kind: simulator}]
            models:
              - alias: a
                on_error: {server_eror: retry, overloaded: explode}
                high_risk_target: {provider: nope, model: m}
                targets: [{provider: s, model: m, deprecated: {sunset: someday, successor: missing}}]
            """)
        #expect(Set(found.map(\.path)) == [
            "models[0].on_error.server_eror", "models[0].on_error.overloaded", "models[0].high_risk_target.provider",
            "models[0].targets[0].deprecated.sunset",
        ])
    }
}
