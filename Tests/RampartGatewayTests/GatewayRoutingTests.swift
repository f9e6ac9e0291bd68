import Foundation
import Logging
import Testing
import RampartWire
@testable import RampartGateway

/// Routing through a real gateway over simulator providers.
@Suite struct GatewayRoutingTests {
    static let providers = """
        providers:
          - {id: healthy, kind: simulator}
          - {id: down, kind: simulator, fault: {status: 529}}
          - {id: suspended, kind: simulator, fault: {status: 403, message: model suspended}}
          - {id: cut, kind: simulator, fault: {cut_after_tokens: 3}}
          - {id: hang, kind: simulator, fault: {hang: true}}
        keys:
          - {id: us-key, secret: us-secret, tenant: acme, attributes: {jurisdiction: US}}
          - {id: eu-key, secret: eu-secret, tenant: beta, attributes: {jurisdiction: EU}}
        """

    func gateway(_ models: String, risk: (any RiskAssessor)? = nil) throws -> Gateway {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-test-\(UUID().uuidString)").path
        let config = try ConfigLoader.parse(yaml: Self.providers + "\nserver: {state_dir: \"\(directory)\"}\n" + models, environment: [:])
        return try Gateway(config: config, logger: Logger(label: "test"), riskAssessor: risk)
    }

    func request(_ model: String, stream: Bool = false) -> ChatRequest {
        ChatRequest(model: model, messages: [Message(role: .user, content: [.text(TextPart(text: "Tell me about Lisbon"))])],
                    stream: stream, sourceAPI: .openAI)
    }

    let us = Principal(keyID: "us-key", tenant: "acme", attributes: ["jurisdiction": ["US"]])
    let eu = Principal(keyID: "eu-key", tenant: "beta", attributes: ["jurisdiction": ["EU"]])

    @Test func failsOverAndSaysWhy() async throws {
        let gateway = try gateway("models: [{alias: a, targets: [{provider: down, model: m}, {provider: healthy, model: m}]}]")
        let routed = try await gateway.complete(request("a"), principal: us)
        #expect(routed.target.description == "healthy/m" && routed.attempts == 2)
        #expect(routed.fallbackReason == "down/m=overloaded")
        await gateway.shutdown()
    }

    @Test func aReturnActionHandsTheErrorToTheClient() async throws {
        let gateway = try gateway("models: [{alias: a, on_error: {overloaded: return}, targets: [{provider: down, model: m}, {provider: healthy, model: m}]}]")
        await #expect(throws: RampartError.self) { _ = try await gateway.complete(request("a"), principal: us) }
        do {
            _ = try await gateway.complete(request("a"), principal: us)
        } catch {
            #expect(error.status == 503 && error.code == "rampart_upstream_overloaded")
        }
    }

    @Test func aSuspensionOpensTheBreakerAtOnceAndLaterRequestsSkipIt() async throws {
        let gateway = try gateway("models: [{alias: a, targets: [{provider: suspended, model: m}, {provider: healthy, model: m}]}]")
        _ = try await gateway.complete(request("a"), principal: us)
        let second = try await gateway.complete(request("a"), principal: us)
        #expect(second.attempts == 1 && second.fallbackReason == "suspended/m=breaker_open")
        #expect(gateway.monitors["suspended/m"]?.snapshot().state.name == "open")
    }

    @Test func noHealthyRouteNamesEachTarget() async throws {
        let gateway = try gateway("models: [{alias: a, targets: [{provider: down, model: m}, {provider: suspended, model: m}]}]")
        do {
            _ = try await gateway.complete(request("a"), principal: us)
            Issue.record("expected a failure")
        } catch {
            #expect(error.status == 503 && error.code == "rampart_no_healthy_route")
            #expect(error.message.contains("down/m: overloaded") && error.message.contains("suspended/m: access_suspended"))
        }
    }

    @Test func theDeadlineBoundsRetriesAndFallbacks() async throws {
        let gateway = try gateway("models: [{alias: a, targets: [{provider: hang, model: m}, {provider: hang, model: n}]}]")
        let started = ContinuousClock.now
        do {
            _ = try await gateway.complete(request("a"), principal: us, timeout: .milliseconds(150))
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == "rampart_deadline_exceeded" && error.status == 504)
        }
        #expect(started.duration(to: .now) < .seconds(10))
    }

    @Test func aMidStreamCutContinuesOnTheNextTargetWithTheSameText() async throws {
        let gateway = try gateway("models: [{alias: a, targets: [{provider: cut, model: m}, {provider: healthy, model: m}]}, {alias: b, targets: [{provider: healthy, model: m}]}]")
        let stitched = try await text(of: gateway.stream(request("a", stream: true), principal: us).value)
        let whole = try await text(of: gateway.stream(request("b", stream: true), principal: us).value)
        #expect(stitched == whole && !whole.isEmpty)
    }

    @Test func errorModeEndsAMidStreamCutWithTheFailure() async throws {
        let gateway = try gateway("models: [{alias: a, stream_failover: error, targets: [{provider: cut, model: m}, {provider: healthy, model: m}]}]")
        await #expect(throws: UpstreamFailure.self) { _ = try await text(of: gateway.stream(request("a", stream: true), principal: us).value) }
    }

    @Test func accessRulesAndKillSwitchesAreScopedToWhomTheyName() async throws {
        let gateway = try gateway("""
            models:
              - {alias: a, access: {require: {jurisdiction: [US]}}, targets: [{provider: healthy, model: m}, {provider: healthy, model: n}]}
            """)
        do {
            _ = try await gateway.complete(request("a"), principal: eu)
            Issue.record("expected a denial")
        } catch {
            #expect(error.code == "rampart_access_denied" && error.message.contains("models[a].access.require.jurisdiction"))
        }
        #expect(gateway.modelAliases(for: eu).isEmpty && gateway.modelAliases(for: us) == ["a"])
        _ = try gateway.killSwitches.create(scope: .target, target: "healthy/m", tenant: "acme", attributes: [:], reason: "test",
                                            expiresAt: nil, actor: "test")
        let switched = try await gateway.complete(request("a"), principal: us)
        #expect(switched.target.description == "healthy/n" && switched.fallbackReason == "healthy/m=kill_switch")
        let other = Principal(keyID: "x", tenant: "other", attributes: ["jurisdiction": ["US"]])
        #expect(try await gateway.complete(request("a"), principal: other).target.description == "healthy/m")
    }

    @Test func highRiskRequestsGoToTheSaferTargetVisibly() async throws {
        struct EverythingIsRisky: RiskAssessor {
            func isHighRisk(_ request: ChatRequest, principal: Principal) -> Bool { true }
        }
        let gateway = try gateway("models: [{alias: a, high_risk_target: {provider: healthy, model: safe}, targets: [{provider: healthy, model: m}]}]",
                                  risk: EverythingIsRisky())
        let routed = try await gateway.complete(request("a"), principal: us)
        #expect(routed.target.model == "safe" && routed.routeReason == .highRisk)
    }

    @Test func aTargetPastItsSunsetHandsOverToItsSuccessor() async throws {
        let gateway = try gateway("""
            models:
              - {alias: old, targets: [{provider: healthy, model: m, deprecated: {sunset: 2020-01-01, successor: new}}]}
              - {alias: new, targets: [{provider: healthy, model: n}]}
              - {alias: gone, targets: [{provider: healthy, model: m, deprecated: {sunset: 2020-01-01}}]}
            """)
        let routed = try await gateway.complete(request("old"), principal: us)
        #expect(routed.target.model == "n" && routed.routeReason == .sunset)
        do {
            _ = try await gateway.complete(request("gone"), principal: us)
            Issue.record("expected a failure")
        } catch {
            #expect(error.status == 410 && error.code == "rampart_model_sunset")
        }
    }

    func text(of events: EventStream) async throws -> String {
        var text = ""
        for try await event in events {
            if case .textDelta(let delta) = event { text += delta }
        }
        return text
    }
}
