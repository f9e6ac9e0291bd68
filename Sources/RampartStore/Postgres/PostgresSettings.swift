import Foundation
import NIOCore
import NIOSSL
import PostgresNIO

/// A `postgres://` store URL read into a connection configuration.
///
/// Understood: `postgres[ql]://[user[:password]@][host][:port][/database][?name=value&…]`, with
/// - `sslmode`: `disable`; `prefer` (the default: TLS when the server offers it); `require` (TLS or
///   no connection). Like libpq's modes of those names, these do not check the server's certificate.
///   `verify-full`: TLS with the certificate and host name checked against the system's roots, or
///   against the file `sslrootcert` names.
/// - `host`: a directory holding the server's Unix socket (as in libpq: `postgres:///rampart?host=/var/run/postgresql`).
/// - `connect_timeout`: seconds to wait for a connection (default 10).
/// - `application_name`: how the server lists the connection (default `rampart`).
///
/// The user defaults to `postgres`, the host to `localhost`, the port to 5432 and the database to
/// the user's name. Percent-escapes in the user and password are decoded.
struct PostgresSettings: Sendable {
    var configuration: PostgresConnection.Configuration
    /// The URL without its password, for messages.
    var display: String

    private static let parameters: Set = ["sslmode", "sslrootcert", "host", "connect_timeout", "application_name"]

    static func parse(_ url: String) throws(StoreError) -> PostgresSettings {
        let display = StoreLocation.withoutPassword(url)
        guard let components = URLComponents(string: url), components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw StoreError("'\(display)' is not a PostgreSQL URL; write postgres://user:password@host:5432/database")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard parameters.contains(item.name) else {
                throw StoreError("'\(display)': unknown parameter '\(item.name)'; known: \(parameters.sorted().joined(separator: ", "))")
            }
            query[item.name] = item.value ?? ""
        }
        let user = components.percentEncodedUser?.removingPercentEncoding ?? "postgres"
        let password = components.percentEncodedPassword?.removingPercentEncoding
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.isEmpty ? user : path
        let port = components.port ?? 5432

        var configuration: PostgresConnection.Configuration
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            configuration = .init(unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
            configuration = .init(host: host, port: port, username: user, password: password, database: database,
                                  tls: try tls(mode: query["sslmode"] ?? "prefer", rootCertificate: query["sslrootcert"], display: display))
        }
        if let timeout = query["connect_timeout"] {
            guard let seconds = Int(timeout), seconds > 0 else { throw StoreError("'\(display)': connect_timeout must be a whole number of seconds") }
            configuration.options.connectTimeout = .seconds(Int64(seconds))
        }
        configuration.options.additionalStartupParameters = [
            ("application_name", query["application_name"] ?? "rampart"),
            // A store that hangs must fail the writer's call (so events spill), not hold it forever.
            ("lock_timeout", "5000"),
            ("statement_timeout", "30000"),
        ]
        return PostgresSettings(configuration: configuration, display: display)
    }

    /// These settings for connections whose commits need not wait for the server to flush its
    /// write-ahead log (`synchronous_commit = off`): a commit is seen by every other connection at
    /// once, and a server crash can lose the last fraction of a second of such commits.
    var committingWithoutFlush: PostgresSettings {
        var settings = self
        settings.configuration.options.additionalStartupParameters.append(("synchronous_commit", "off"))
        return settings
    }

    private static func tls(mode: String, rootCertificate: String?, display: String) throws(StoreError) -> PostgresConnection.Configuration.TLS {
        do {
            switch mode {
            case "disable":
                return .disable
            case "prefer", "require":
                var unchecked = TLSConfiguration.makeClientConfiguration()
                unchecked.certificateVerification = .none
                let context = try NIOSSLContext(configuration: unchecked)
                return mode == "prefer" ? .prefer(context) : .require(context)
            case "verify-full":
                var checked = TLSConfiguration.makeClientConfiguration()
                if let rootCertificate { checked.trustRoots = .file(rootCertificate) }
                return .require(try NIOSSLContext(configuration: checked))
            default:
                throw StoreError("'\(display)': sslmode must be disable, prefer, require or verify-full, not '\(mode)'")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("'\(display)': cannot set up TLS: \(error)")
        }
    }
}
