import ArgumentParser
import Foundation
import RampartGateway
import RampartGuard
import RampartStore

/// `rampart policy …`: versioned constitutions, shadow rollout, promotion and rollback.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Propose, shadow, promote and roll back versions of the guard's constitution.",
        discussion: """
            Versions live in the configuration's store, so every replica on it judges with the same one; a \
            running server picks up each change within a second. A proposed version is the candidate: it judges \
            live traffic in shadow beside the active one (monitor only, off the request's path) until it is \
            promoted or withdrawn. Promotion runs the gates in policy.promotion and refuses a candidate that \
            fails them. Every change is recorded with who made it and when, and as an admin audit event.

              rampart policy propose stricter.yaml --config rampart.yaml
              rampart policy shadow-report --config rampart.yaml
              rampart policy promote --config rampart.yaml
              rampart policy rollback --config rampart.yaml

            Exit codes: 0 done, 1 refused (a failed gate, nothing to promote or roll back), 2 bad input or an unusable store.
            """,
        subcommands: [Propose.self, Promote.self, Rollback.self, Withdraw.self, History.self, ShadowReportCommand.self]
    )

    /// Runs a registry change, turning a refusal into exit 1 and a store failure into exit 2.
    static func change<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PolicyError {
            printError("Refused: \(error.message)")
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("Cannot use the store: \(error)")
            throw ExitCode(2)
        }
    }

    static func describe(_ version: PolicyVersion?) -> String {
        version.map { "\($0.version) (\($0.hash.prefix(16)))" + ($0.modelVersion.map { ", model \($0)" } ?? "") } ?? "the configuration's constitution"
    }

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a constitution file the candidate, judged in shadow beside the active policy.")

        @Argument(help: ArgumentHelp("A constitution YAML file (it may say `extends: builtin`).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("""
            A stage-1 model (rampart guard train --out) to judge with instead of the binary's; it must be at this \
            path on every replica.
            """, valueName: "file"))
        var model: String?

        @Option(help: "Why, for the history.")
        var note: String?

        @OptionGroup var common: StoreOptions

        func run() throws {
            let yaml = try GuardCLI.orExit { try String(contentsOfFile: file, encoding: .utf8) }
            let (_, store) = try common.open()
            let modelPath = model.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            let version = try PolicyCommand.change {
                try PolicyRegistry(store: store).propose(yaml: yaml, modelPath: modelPath, actor: common.actor, note: note)
            }
            try PolicyCommand.change { try common.audit("policy.propose", store: store, details: ["version": version.version, "hash": version.hash]) }
            print("candidate \(PolicyCommand.describe(version)): judged in shadow beside the active policy from now on")
        }
    }

    struct Promote: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make the candidate the active policy, once it passes the gates in policy.promotion.")

        @Flag(help: "Promote without gates when policy.promotion configures none (the history says so).")
        var noGates = false

        @Option(help: "Why, for the history.")
        var note: String?

        @OptionGroup var common: StoreOptions

        func run() throws {
            let (configuration, store) = try common.open()
            let registry = PolicyRegistry(store: store)
            guard let candidate = try PolicyCommand.change({ try registry.selection().candidate }) else {
                printError("Refused: there is no candidate to promote; propose one first (rampart policy propose FILE)")
                throw ExitCode(1)
            }
            var evaluation: PolicyEvaluation?
            if let gates = configuration.policy.promotion {
                let result = try GuardCLI.orExit { try PolicyEvaluator.evaluate(candidate, gates: gates) }
                for gate in result.gates { print("gate \(gate)") }
                guard result.passed else {
                    printError("Refused: candidate \(PolicyCommand.describe(candidate)) fails the promotion gates on \(result.data); the active policy stays")
                    try PolicyCommand.change {
                        try common.audit("policy.promote_refused", store: store, details: ["version": candidate.version, "hash": candidate.hash,
                                                                                             "gates": result.gates.joined(separator: "; ")])
                    }
                    throw ExitCode(1)
                }
                evaluation = result
            } else if !noGates {
                printError("Refused: policy.promotion configures no gates; add them, or pass --no-gates to promote without any")
                throw ExitCode(1)
            }
            let promoted = try PolicyCommand.change { try registry.promote(actor: common.actor, evaluation: evaluation, note: note ?? (noGates ? "promoted without gates" : nil)) }
            try PolicyCommand.change {
                try common.audit("policy.promote", store: store, details: ["version": promoted.version, "hash": promoted.hash,
                                                                             "gates": evaluation?.gates.joined(separator: "; ") ?? "none"])
            }
            print("active policy: \(PolicyCommand.describe(promoted))")
        }
    }

    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make the policy active before the current one active again.")

        @Option(help: "Why, for the history.")
        var note: String?

        @OptionGroup var common: StoreOptions

        func run() throws {
            let (_, store) = try common.open()
            let restored = try PolicyCommand.change { try PolicyRegistry(store: store).rollback(actor: common.actor, note: note) }
            try PolicyCommand.change { try common.audit("policy.rollback", store: store, details: ["version": restored?.version ?? "configuration",
                                                                                                  "hash": restored?.hash ?? ""]) }
            print("active policy: \(PolicyCommand.describe(restored))")
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop judging the candidate in shadow.")

        @OptionGroup var common: StoreOptions

        func run() throws {
            let (_, store) = try common.open()
            try PolicyCommand.change { try PolicyRegistry(store: store).withdraw(actor: common.actor) }
            try PolicyCommand.change { try common.audit("policy.withdraw", store: store, details: [:]) }
            print("no candidate: shadow judging stopped")
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What was active when, who changed it, and the evaluation each promotion passed.")

        @OptionGroup var common: StoreOptions

        func run() throws {
            let (_, store) = try common.open()
            let registry = PolicyRegistry(store: store)
            let (history, versions, selection) = try PolicyCommand.change { (try registry.history(), try registry.versions(), try registry.selection()) }
            if common.json {
                struct Output: Encodable { var active: PolicyVersion?; var candidate: PolicyVersion?; var changes: [PolicyChange] }
                print(try ReportCommand.json(Output(active: selection.active, candidate: selection.candidate, changes: history)))
                return
            }
            print("active: \(PolicyCommand.describe(selection.active))")
            print("candidate: \(selection.candidate.map { PolicyCommand.describe($0) } ?? "none")")
            for change in history {
                let version = versions[change.version]
                var line = "\(change.at.formatted(.iso8601))  \(change.action.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  "
                    + (version.map { PolicyCommand.describe($0) } ?? change.version) + "  by \(change.actor)"
                if let note = change.note { line += "  — \(note)" }
                print(line)
                if change.action == .promote, let evaluation = version?.evaluation {
                    for gate in evaluation.gates { print("    gate \(gate)") }
                }
            }
        }
    }
}

extension StoreOptions {
    /// Records the change as an admin event in the audit trail (hash-chained with the requests).
    func audit(_ action: String, store: any AuditStore, details: [String: String]) throws {
        _ = try store.append([JournaledEvent(event: AuditEvent(kind: .admin, outcome: .done, action: action, actor: actor, details: details))])
    }
}
