#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The audit trail's write-ahead journal: numbered segment files of JSON Lines in one directory.
///
/// Each event is appended to the open segment with one `write` before its request is answered, so
/// that an answered request's event survives the process being killed (the bytes are in the
/// operating system's cache). The writer seals the open segment, stores its events, and deletes it;
/// a segment that could not be stored stays on disk (the spill) until it can. On start, every
/// segment left over is replayed. Not thread-safe: ``AuditLog`` serialises access.
final class AuditJournal {
    let directory: String
    private var descriptor: Int32 = -1
    private(set) var openSegment: Int
    /// Bytes in sealed segments not yet stored, and in the open one.
    private(set) var sealedBytes = 0
    private(set) var openBytes = 0

    /// Opens `directory` (creating it) and starts a new segment after any left over.
    init(directory: String) throws(StoreError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError("cannot create the audit journal directory \(directory): \(error)")
        }
        let leftOver = Self.segments(in: directory)
        openSegment = (leftOver.last ?? 0) + 1
        sealedBytes = leftOver.reduce(0) { $0 + Self.size(of: Self.path(directory, $1)) }
        try openSegmentFile()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends one line (the event's canonical JSON) to the open segment: one `writev` of the body
    /// and its newline, without copying either.
    func append(_ body: String) throws(StoreError) {
        var body = body
        let expected = body.utf8.count + 1
        let written = body.withUTF8 { utf8 in
            var newline = UInt8(ascii: "\n")
            return withUnsafeMutablePointer(to: &newline) { newline in
                var parts = [iovec(iov_base: UnsafeMutableRawPointer(mutating: utf8.baseAddress), iov_len: utf8.count),
                             iovec(iov_base: UnsafeMutableRawPointer(newline), iov_len: 1)]
                return writev(descriptor, &parts, 2)
            }
        }
        guard written == expected else {
            throw StoreError("cannot append to the audit journal \(Self.path(directory, openSegment)): \(String(cString: strerror(errno)))")
        }
        openBytes += written
    }

    /// Closes the open segment and opens the next; returns the sealed segment's number, or nil
    /// when it was empty (it is then reused).
    func seal() throws(StoreError) -> Int? {
        guard openBytes > 0 else { return nil }
        close(descriptor)
        descriptor = -1
        let sealed = openSegment
        sealedBytes += openBytes
        openBytes = 0
        openSegment += 1
        try openSegmentFile()
        return sealed
    }

    /// Sealed segments waiting to be stored, oldest first.
    func sealedSegments() -> [Int] {
        Self.segments(in: directory).filter { $0 != openSegment }
    }

    /// The events of a sealed segment. A torn last line (the process died mid-write) is skipped.
    func events(in segment: Int) throws -> [JournaledEvent] {
        let text = try String(contentsOfFile: Self.path(directory, segment), encoding: .utf8)
        return text.split(separator: "\n").compactMap { try? JournaledEvent(body: String($0)) }
    }

    /// Deletes a stored segment.
    func remove(_ segment: Int) {
        let path = Self.path(directory, segment)
        sealedBytes = max(0, sealedBytes - Self.size(of: path))
        unlink(path)
    }

    private func openSegmentFile() throws(StoreError) {
        let path = Self.path(directory, openSegment)
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError("cannot open the audit journal \(path): \(String(cString: strerror(errno)))") }
    }

    private static func path(_ directory: String, _ segment: Int) -> String {
        "\(directory)/segment-\(String(format: "%012d", segment)).jsonl"
    }

    private static func segments(in directory: String) -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap { name in
            guard name.hasPrefix("segment-"), name.hasSuffix(".jsonl") else { return nil }
            return Int(name.dropFirst("segment-".count).dropLast(".jsonl".count))
        }.sorted()
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
