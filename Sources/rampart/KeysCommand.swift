import ArgumentParser
import Foundation
import RampartGateway
import RampartStore

/// `rampart keys …`: the managed virtual keys in a configuration's store (docs/keys.md).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list, rotate and revoke managed API keys.",
        discussion: """
            Managed keys live in the configuration's store (store.url), beside the keys the file configures, and \
            every Rampart on that store accepts them at once; a revoked or expired key is refused on the next \
            request. Only each key's SHA-256 is stored: a key's secret is printed once, when it is created or rotated.
            """,
        subcommands: [List.self, Create.self, Rotate.self, Revoke.self]
    )

    struct Common: ParsableArguments {
        @Option(help: ArgumentHelp("The configuration whose store to use.", valueName: "file"))
        var config: String?

        @Flag(help: "Print JSON.")
        var json = false

        func registry() throws -> ManagedKeyRegistry {
            let configuration = try AuditCommand.configuration(config)
            do {
                return ManagedKeyRegistry(store: try AuditRecorder.openStore(configuration))
            } catch {
                printError("Cannot open the store: \(error)")
                throw ExitCode(2)
            }
        }

        func print(_ key: ManagedKey, secret: String? = nil) throws {
            if json {
                var object = try JSONSerialization.jsonObject(with: AdminJSON.encoder.encode(key)) as? [String: Any] ?? [:]
                object.removeValue(forKey: "secret_digest")
                object["status"] = key.refusal() ?? "active"
                if let secret { object["secret"] = secret }
                Swift.print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            } else {
                let expiry = key.expiresAt.map { "  expires \($0.formatted(.iso8601))" } ?? ""
                Swift.print("\(key.id)  \(key.refusal() ?? "active")  …\(key.hint)  tenant \(key.tenant ?? "-")  aliases \(key.aliases.isEmpty ? "any" : key.aliases.joined(separator: ","))\(expiry)")
                if let secret { Swift.print("secret (shown once): \(secret)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List managed keys, newest first (never their secrets).")
        @OptionGroup var common: Common

        func run() async throws {
            for key in try common.registry().list() { try common.print(key) }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print its secret, once.")
        @OptionGroup var common: Common
        @Option(help: "A name for people.") var name: String?
        @Option(help: "The tenant its requests belong to.") var tenant: String?
        @Option(help: ArgumentHelp("An attribute for access rules (repeatable).", valueName: "name=value")) var attribute: [String] = []
        @Option(help: ArgumentHelp("An alias it may use (repeatable; none: any).", valueName: "alias")) var alias: [String] = []
        @Option(help: ArgumentHelp("Seconds until it expires.", valueName: "seconds")) var expiresIn: Int?
        @Option(help: "Requests it may make per minute (docs/limits.md).") var requestsPerMinute: Int?
        @Option(help: "Tokens it may use per minute.") var tokensPerMinute: Int?
        @Option(help: "Requests it may have in flight at once, on each replica.") var concurrency: Int?
        @Option(help: "Who is acting (recorded on the key).") var actor = ProcessInfo.processInfo.environment["USER"] ?? "cli"

        func run() async throws {
            var attributes: [String: [String]] = [:]
            for pair in attribute {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--attribute takes name=value, not '\(pair)'") }
                attributes[parts[0], default: []].append(parts[1])
            }
            if let expiresIn, expiresIn <= 0 { throw ValidationError("--expires-in must be a positive number of seconds") }
            for (flag, value) in [("--requests-per-minute", requestsPerMinute), ("--tokens-per-minute", tokensPerMinute), ("--concurrency", concurrency)] {
                if let value, value < 1 { throw ValidationError("\(flag) must be 1 or more") }
            }
            let limits = Limits(requestsPerMinute: requestsPerMinute, tokensPerMinute: tokensPerMinute, concurrency: concurrency)
            let (key, secret) = try common.registry().create(name: name, tenant: tenant, attributes: attributes, aliases: alias,
                                                             expiresAt: expiresIn.map { Date().addingTimeInterval(Double($0)) },
                                                             limits: limits.isEmpty ? nil : limits, actor: actor)
            try common.print(key, secret: secret)
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a key; the old one keeps working for the grace period.")
        @OptionGroup var common: Common
        @Argument(help: "The key's id (key_…).") var id: String
        @Option(help: ArgumentHelp("Seconds the old key keeps working.", valueName: "seconds")) var grace = 3_600
        @Option(help: "Who is acting (recorded on the key).") var actor = ProcessInfo.processInfo.environment["USER"] ?? "cli"

        func run() async throws {
            guard let (key, secret) = try common.registry().rotate(id: id, grace: .seconds(grace), actor: actor) else {
                printError("There is no working managed key '\(id)' (see `rampart keys list`).")
                throw ExitCode(1)
            }
            try common.print(key, secret: secret)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: every Rampart on the store refuses it from the next request.")
        @OptionGroup var common: Common
        @Argument(help: "The key's id (key_…).") var id: String

        func run() async throws {
            guard let key = try common.registry().revoke(id: id) else {
                printError("There is no working managed key '\(id)' (see `rampart keys list`).")
                throw ExitCode(1)
            }
            try common.print(key)
        }
    }
}
