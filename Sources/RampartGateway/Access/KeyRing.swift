import Crypto
import Foundation

/// Who is calling: the key a request authenticated with and what it says about its holder.
public struct Principal: Sendable, Hashable {
    public var keyID: String
    public var tenant: String?
    public var attributes: [String: [String]]

    public init(keyID: String, tenant: String?, attributes: [String: [String]]) {
        self.keyID = keyID
        self.tenant = tenant
        self.attributes = attributes
    }

    /// The principal of requests served without keys (quickstart, loopback only).
    public static let anonymous = Principal(keyID: "anonymous", tenant: nil, attributes: [:])
}

/// The virtual keys clients present, held only as SHA-256 digests.
///
/// Lookup hashes the presented secret and finds its digest, so the time it takes does not depend
/// on how much of a secret an attacker has guessed.
public struct KeyRing: Sendable {
    private let principalsByDigest: [String: Principal]

    /// Whether any key is configured; without keys, requests are served as ``Principal/anonymous``.
    public var requiresKeys: Bool { !principalsByDigest.isEmpty }

    public init(_ keys: [KeyConfig]) {
        var table: [String: Principal] = [:]
        for key in keys {
            let digest: String = switch key.credential {
            case .secret(let secret): Self.digest(secret)
            case .sha256(let hex): hex
            }
            table[digest] = Principal(keyID: key.id, tenant: key.tenant, attributes: key.attributes)
        }
        principalsByDigest = table
    }

    /// The principal whose key is `secret`, or `nil`.
    public func principal(forSecret secret: String) -> Principal? {
        principalsByDigest[Self.digest(secret)]
    }

    /// Lower-case hex SHA-256 of a secret, as written after `sha256:` in `secret_hash`.
    public static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
