import Foundation

/// The layout the guard's binary files share (``Stage1Model`` and ``TokenEmbeddings``): a magic
/// line, the JSON header's length as a little-endian UInt32, the JSON header, then the body, whose
/// numbers are little-endian. Offsets count from the first byte (`data` must start at index 0, as
/// `Data(contentsOf:)` and `Data()` do).
enum GuardFileFormat {
    /// The header's bytes and where the body starts. Throws `wrongMagic` when `data` does not start
    /// with `magic`, and `truncated` when the header runs past the end.
    static func header(of data: Data, magic: Data, wrongMagic: String, truncated: String) throws(ModelError) -> (header: Data, body: Int) {
        guard data.starts(with: magic), data.count >= magic.count + 4 else { throw ModelError(message: wrongMagic) }
        let start = magic.count + 4
        let length = data[(start - 4)..<start].enumerated().reduce(0) { $0 | (Int($1.element) << (8 * $1.offset)) }
        guard data.count >= start + length else { throw ModelError(message: truncated) }
        return (data[start..<(start + length)], start + length)
    }

    /// `count` half-precision values from `offset` on, widened to Float.
    static func halves(in data: Data, from offset: Int, count: Int) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        data[offset...].withUnsafeBytes { raw in
            for index in 0..<count {
                values[index] = Float(Float16(bitPattern: UInt16(raw[2 * index]) | (UInt16(raw[2 * index + 1]) << 8)))
            }
        }
        return values
    }
}
