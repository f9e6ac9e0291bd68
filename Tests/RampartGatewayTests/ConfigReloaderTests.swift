import Foundation
import Logging
import Testing
import RampartStore
import RampartWire
@testable import RampartGateway

/// What a reload keeps of each target's health: an open breaker stays open across a reload that
/// leaves its provider alone, and starts afresh when the provider's entry or the breaker settings change.
@Suite struct ConfigReloaderTests {
    /// A configuration file whose `broken` provider answers 403 (a suspension: the breaker opens at once).
    final class Setup: Sendable {
        let path: String
        let state: String
        let slot: GatewaySlot
        let reloader: ConfigReloader

        init() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-reload-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            path = directory + "/rampart.yaml"
            state = directory + "/state"
            try Self.file(state: state).write(toFile: path, atomically: true, encoding: .utf8)
            slot = GatewaySlot(try Gateway(config: ConfigLoader.load(path: path, environment: [:]), logger: Logger(label: "test")))
            reloader = ConfigReloader(path: path, slot: slot, logger: Logger(label: "test"))
        }

        static func file(state: String, brokenMessage: String = "account suspended", breaker: String = "", extraAlias: Bool = false) -> String {
            """
            server: {state_dir: "\(state)"}
            routing: {breaker: {cooldown_s: 600\(breaker)}}
            providers:
              - {id: healthy, kind: simulator}
              - {id: broken, kind: simulator, fault: {status: 403, message: \(brokenMessage)}}
            models:
              - {alias: a, targets: [{provider: broken, model: m}, {provider: healthy, model: m}]}
            \(extraAlias ? "  - {alias: b, targets: [{provider: healthy, model: m}]}" : "")
            """
        }

        /// Writes the next version of the file and reloads it; fails the test when it is rejected.
        func reload(_ contents: String) async throws {
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            let outcome = await reloader.reload(actor: "test")
            #expect(outcome.reloaded, "\(outcome.problems)")
        }

        func breakerState() -> String? { slot.current.monitors["broken/m"]?.snapshot().state.name }

        func ask() async throws -> Gateway.Routed<ChatResponse> {
            let request = ChatRequest(model: "a", messages: [Message(role: .user, content: [.text(TextPart(text: "hello"))])], sourceAPI: .openAI)
            return try await slot.current.complete(request, principal: .anonymous)
        }
    }

    @Test func anOpenBreakerStaysOpenAcrossAReloadThatLeavesItsProviderAlone() async throws {
        let setup = try Setup()
        _ = try await setup.ask()
        #expect(setup.breakerState() == "open")
        try await setup.reload(Setup.file(state: setup.state, extraAlias: true))
        #expect(setup.slot.current.config.models.count == 2)
        #expect(setup.breakerState() == "open")
        let routed = try await setup.ask()
        #expect(routed.attempts == 1 && routed.fallbackReason == "broken/m=breaker_open")
    }

    @Test func aChangedProviderEntryStartsAfresh() async throws {
        let setup = try Setup()
        _ = try await setup.ask()
        try await setup.reload(Setup.file(state: setup.state, brokenMessage: "key rotated"))
        #expect(setup.breakerState() == "closed")
        let routed = try await setup.ask()
        #expect(routed.attempts == 2 && routed.fallbackReason?.hasPrefix("broken/m=") == true && routed.fallbackReason != "broken/m=breaker_open")
    }

    @Test func changedBreakerSettingsStartAfresh() async throws {
        let setup = try Setup()
        _ = try await setup.ask()
        try await setup.reload(Setup.file(state: setup.state, breaker: ", min_requests: 50"))
        #expect(setup.breakerState() == "closed")
        #expect(setup.slot.current.monitors["broken/m"]?.settings.minRequests == 50)
    }

    @Test func aPolicyChangeKeepsEveryTargetsHealth() async throws {
        let setup = try Setup()
        _ = try await setup.ask()
        let before = setup.slot.current
        let registry = PolicyRegistry(store: try SQLiteAuditStore(path: setup.state + "/policy.db"))
        _ = try registry.propose(yaml: "version: \"v2\"\nextends: builtin\ncategories:\n  - id: weapons\n    action: refuse\n", actor: "test")
        let outcome = await setup.reloader.install(policy: try registry.selection(), actor: "test")
        #expect(outcome.reloaded, "\(outcome.problems)")
        #expect(setup.slot.current !== before)
        #expect(setup.slot.current.monitors["broken/m"] === before.monitors["broken/m"])
        #expect(setup.breakerState() == "open")
    }
}
