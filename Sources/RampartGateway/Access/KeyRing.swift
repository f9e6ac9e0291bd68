import Crypto
import Foundation

/// Who is calling: the key a request authenticated with and what it says about its holder.
public struct Principal: Sendable, Hashable {
    public var keyID: String
    public var tenant: String?
    public var attributes: [String: [String]]
    /// The only aliases this key may use; nil: any (subject to access rules).
    public var aliases: Set<String>?
    /// The key's own limits (its tenant's are in the configuration).
    public var limits: Limits?

    public init(keyID: String, tenant: String?, attributes: [String: [String]], aliases: Set<String>? = nil, limits: Limits? = nil) {
        self.keyID = keyID
        self.tenant = tenant
        self.attributes = attributes
        self.aliases = aliases
        self.limits = limits
    }

    /// The principal of requests served without keys (quickstart, loopback only).
    public static let anonymous = Principal(keyID: "anonymous", tenant: nil, attributes: [:])
}

/// The virtual keys clients present, held only as SHA-256 digests.
///
/// Lookup hashes the presented secret and finds its digest, so the time it takes does not depend
/// on how much of a secret an attacker has guessed.
public struct KeyRing: Sendable {
    /// Principals by the SHA-256 digest of their secret, as raw bytes: a lookup hashes the
    /// presented key and compares bytes, with no text formatting on the request path.
    private let principalsByDigest: [Data: Principal]

    /// Whether any key is configured; without keys, requests are served as ``Principal/anonymous``.
    public var requiresKeys: Bool { !principalsByDigest.isEmpty }

    public init(_ keys: [KeyConfig]) {
        var table: [Data: Principal] = [:]
        for key in keys {
            let digest: Data = switch key.credential {
            case .secret(let secret): Self.digestBytes(secret)
            case .sha256(let hex): Self.bytes(hex: hex)
            }
            table[digest] = Principal(keyID: key.id, tenant: key.tenant, attributes: key.attributes, limits: key.limits)
        }
        principalsByDigest = table
    }

    /// The principal whose key is `secret`, or `nil`.
    public func principal(forSecret secret: String) -> Principal? {
        principalsByDigest[Self.digestBytes(secret)]
    }

    /// Lower-case hex SHA-256 of a secret, as written after `sha256:` in `secret_hash`.
    public static func digest(_ secret: String) -> String {
        digestBytes(secret).map { String(format: "%02x", $0) }.joined()
    }

    static func digestBytes(_ secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Bytes from validated hex (the loader accepts only 64 hex digits).
    private static func bytes(hex: String) -> Data {
        var bytes = Data(capacity: hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}
