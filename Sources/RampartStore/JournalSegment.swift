#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// One file of the audit journal, mapped into memory: appending an event is a copy into the page
/// cache, with no system call.
///
/// The file holds frames, each an 8-byte header (body length and the segment's tag, both 32-bit
/// little-endian) followed by the body and padding to the next multiple of 8. A frame's body is
/// copied first and its header stored after a release fence, so a frame whose header carries the
/// segment's tag is complete, even if the process was killed the instant after; reading stops at
/// the first header that does not. That is also what lets a stored segment's file be reused: the
/// frames it still holds carry an older segment's tag and read as the end.
///
/// Guarantees an appended frame survives the process being killed (the pages are the operating
/// system's), not the machine losing power. The file's disk blocks are reserved when it is created,
/// so a full disk is an error at rotation, not a fault when copying. Not thread-safe: ``AuditJournal`` serialises access.
final class JournalSegment {
    /// Bytes a frame's header takes.
    static let headerSize = 8

    private(set) var path: String
    /// The segment's number; its low 32 bits tag its frames.
    private(set) var number: Int
    let capacity: Int
    /// Bytes of frames written.
    private(set) var used = 0
    private let descriptor: Int32
    private let base: UnsafeMutableRawPointer

    /// Creates (or truncates) the file at `path` with room for `capacity` bytes and maps it.
    init(path: String, number: Int, capacity: Int) throws(StoreError) {
        self.path = path
        self.number = number
        self.capacity = capacity
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError("cannot create the audit journal segment \(path): \(Self.lastError)") }
        // Disk blocks are reserved now, so that a full disk fails here, as an error, rather than
        // as SIGBUS when an event is copied into a page with nowhere to go. (File systems that
        // cannot reserve, EOPNOTSUPP, get a sparse file.)
        let reserved = posix_fallocate(descriptor, 0, off_t(capacity))
        guard reserved == 0 || (reserved == EOPNOTSUPP && ftruncate(descriptor, off_t(capacity)) == 0) else {
            let message = reserved == EOPNOTSUPP ? Self.lastError : String(cString: strerror(reserved))
            close(descriptor)
            unlink(path)
            throw StoreError("cannot size the audit journal segment \(path) to \(capacity) bytes: \(message)")
        }
        guard let mapping = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), mapping != MAP_FAILED else {
            let message = Self.lastError
            close(descriptor)
            unlink(path)
            throw StoreError("cannot map the audit journal segment \(path): \(message)")
        }
        base = mapping
    }

    deinit {
        munmap(base, capacity)
        close(descriptor)
    }

    /// The bytes a frame holding `bodyLength` bytes of body takes, padding included.
    static func frameSize(_ bodyLength: Int) -> Int {
        (headerSize + bodyLength + 7) & ~7
    }

    /// Whether a frame of `bodyLength` bytes still fits.
    func fits(_ bodyLength: Int) -> Bool {
        used + Self.frameSize(bodyLength) <= capacity
    }

    /// Appends `body` as one frame; the caller has checked that it ``fits(_:)``.
    func append(_ body: UnsafeRawBufferPointer) {
        let frame = base + used
        if let source = body.baseAddress { (frame + Self.headerSize).copyMemory(from: source, byteCount: body.count) }
        // The body must be in place before the header that makes the frame count.
        atomicMemoryFence(ordering: .releasing)
        frame.storeBytes(of: (UInt64(UInt32(truncatingIfNeeded: number)) << 32 | UInt64(body.count)).littleEndian, as: UInt64.self)
        used += Self.frameSize(body.count)
    }

    /// Makes this file segment `number` at `path` (renaming it), empty: what it held reads as
    /// another segment's frames, that is as nothing.
    func reuse(as number: Int, path: String) throws(StoreError) {
        try move(to: path)
        self.number = number
        used = 0
    }

    /// Renames the file (a stored segment set aside for reuse, or a spare reused).
    func move(to path: String) throws(StoreError) {
        guard rename(self.path, path) == 0 else { throw StoreError("cannot rename \(self.path) to \(path): \(Self.lastError)") }
        self.path = path
    }

    /// The bodies of the complete frames in `bytes`, a segment file tagged with `number`'s low 32 bits.
    static func bodies(in bytes: Data, number: Int) -> [Data] {
        let tag = UInt32(truncatingIfNeeded: number)
        var bodies: [Data] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let header = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }.littleEndian
            let length = Int(header & 0xFFFF_FFFF)
            guard UInt32(header >> 32) == tag, length > 0, offset + headerSize + length <= bytes.count else { break }
            bodies.append(bytes.subdata(in: (bytes.startIndex + offset + headerSize)..<(bytes.startIndex + offset + headerSize + length)))
            offset += frameSize(length)
        }
        return bodies
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
