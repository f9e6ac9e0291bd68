import RampartStore

/// Random lower-case hex for identifiers and secrets (kill switch ids, managed keys), from the
/// system's cryptographic generator.
enum RandomHex {
    static func make(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return AuditChain.hex((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
