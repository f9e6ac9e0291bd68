import NIOSSL

/// The TLS client settings of an https provider: the system's trust roots, or the CA
/// certificates of its `ca_file`. Certificates and host names are always verified.
enum TLSTrust {
    static func configuration(caFile: String?) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile { configuration.trustRoots = .file(caFile) }
        return configuration
    }

    /// Why `caFile` cannot serve as trust roots, or nil when it holds PEM certificates.
    static func problem(caFile: String) -> String? {
        do {
            let certificates = try NIOSSLCertificate.fromPEMFile(caFile)
            return certificates.isEmpty ? "'\(caFile)' holds no PEM certificate" : nil
        } catch {
            return "cannot read PEM certificates from '\(caFile)': \(error)"
        }
    }
}

extension TLSTrust {
    /// A sentence for a TLS failure, without BoringSSL's source paths; nil when `error` is not one.
    static func describe(_ error: any Error) -> String? {
        if error is NIOSSLExtraError {
            return "the provider's TLS certificate is not valid for its host name (\(error))"
        }
        guard let error = error as? NIOSSLError else { return nil }
        let detail = String(describing: error)
        if detail.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the provider's TLS certificate is not trusted (not signed by a trusted CA; a private CA needs ca_file)"
        }
        if case .handshakeFailed = error {
            // BoringSSL's reason code ("...:OPENSSL_internal:WRONG_VERSION_NUMBER at /path..."), without the path.
            let reason = detail.range(of: "OPENSSL_internal:").map { detail[$0.upperBound...].prefix { $0.isUppercase || $0 == "_" } }
            return "the TLS handshake with the provider failed" + (reason.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        }
        return "TLS failed: \(error)"
    }
}
