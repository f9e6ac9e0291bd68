#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The audit trail's write-ahead journal: numbered segment files in one directory
/// (``JournalSegment``: memory-mapped, framed, `segment-<number>.journal`).
///
/// Each event is appended to the open segment before its request is answered, so that an answered
/// request's event survives the process being killed (the bytes are in the operating system's
/// cache). Appending copies the event into the mapped file: no system call. When the open segment
/// is full, or when the writer seals it, the next one opens. Once a sealed segment is stored its
/// file is set aside (`spare-<n>.journal`) and reused for a later segment, so that steady traffic
/// writes into pages the cache already holds; a segment that could not be stored stays on disk (the
/// spill) until it can. On start, every segment left over is replayed — JSON Lines segments
/// (`segment-<number>.jsonl`) written by earlier versions too — and spare files are deleted.
/// Not thread-safe: ``AuditLog`` serialises access.
final class AuditJournal {
    /// A segment's room unless one event needs more (it then gets a segment of its own size).
    static let segmentCapacity = 4 << 20
    /// Stored segments' files kept for reuse.
    static let maximumSpares = 2

    let directory: String
    private var open: JournalSegment
    /// Sealed segments' numbers and the bytes they hold, oldest first.
    private var sealed: [(number: Int, bytes: Int)]
    /// Sealed segments of this run still mapped, for reuse once stored: the newest few (a long
    /// outage seals many, and their files need not stay open meanwhile).
    private var retired: [Int: JournalSegment] = [:]
    /// Stored segments' files, set aside for reuse.
    private var spares: [JournalSegment] = []
    private var sparesMade = 0
    var openSegment: Int { open.number }
    /// Bytes in sealed segments not yet stored, and in the open one.
    private(set) var sealedBytes: Int
    var openBytes: Int { open.used }

    /// Opens `directory` (creating it) and starts a new segment after any left over.
    init(directory: String) throws(StoreError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError("cannot create the audit journal directory \(directory): \(error)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix("spare-") { unlink(directory + "/" + name) }
        let leftOver = names.compactMap(Self.segmentNumber).sorted()
        sealed = leftOver.map { ($0, Self.fileSize(Self.existingPath(directory, $0))) }
        sealedBytes = sealed.reduce(0) { $0 + $1.bytes }
        let first = (leftOver.last ?? 0) + 1
        open = try JournalSegment(path: Self.path(directory, first), number: first, capacity: Self.segmentCapacity)
    }

    /// Appends one event's canonical JSON. When the open segment has no room for it, that segment
    /// is sealed first and its number returned; the event then opens the next.
    func append(_ body: String) throws(StoreError) -> Int? {
        var body = body
        let length = body.utf8.count
        var sealedNumber: Int?
        if !open.fits(length) {
            sealedNumber = open.used > 0 ? open.number : nil
            try rotate(nextCapacity: max(Self.segmentCapacity, JournalSegment.frameSize(length)))
        }
        body.withUTF8 { open.append(UnsafeRawBufferPointer($0)) }
        return sealedNumber
    }

    /// Seals the open segment and opens the next; returns the sealed segment's number, or nil
    /// when it was empty (it then stays open).
    func seal() throws(StoreError) -> Int? {
        guard open.used > 0 else { return nil }
        let number = open.number
        try rotate(nextCapacity: Self.segmentCapacity)
        return number
    }

    /// Sealed segments waiting to be stored, oldest first.
    func sealedSegments() -> [Int] {
        sealed.map(\.number)
    }

    /// The event bodies of a sealed segment, read from disk. A frame the process died writing is not one.
    func events(in segment: Int) throws -> [JournaledEvent] {
        let path = Self.existingPath(directory, segment)
        if path.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return text.split(separator: "\n").compactMap { try? JournaledEvent(body: String($0)) }
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return JournalSegment.bodies(in: bytes, number: segment).compactMap { try? JournaledEvent(body: String(decoding: $0, as: UTF8.self)) }
    }

    /// Lets go of a stored segment: its file becomes a spare for a later segment, or is deleted.
    func remove(_ segment: Int) {
        guard let index = sealed.firstIndex(where: { $0.number == segment }) else { return }
        sealedBytes = max(0, sealedBytes - sealed[index].bytes)
        sealed.remove(at: index)
        if let file = retired.removeValue(forKey: segment) {
            setAside(file)
        } else {
            unlink(Self.existingPath(directory, segment))
        }
    }

    private func rotate(nextCapacity: Int) throws(StoreError) {
        let next = open.number + 1
        let path = Self.path(directory, next)
        let segment: JournalSegment
        if nextCapacity == Self.segmentCapacity, let spare = spares.popLast() {
            try spare.reuse(as: next, path: path)
            segment = spare
        } else {
            segment = try JournalSegment(path: path, number: next, capacity: nextCapacity)
        }
        if open.used > 0 {
            sealed.append((open.number, open.used))
            sealedBytes += open.used
            retired[open.number] = open
            if retired.count > Self.maximumSpares, let oldest = retired.keys.min() { retired[oldest] = nil }
        } else {
            setAside(open)
        }
        open = segment
    }

    /// Keeps a file no segment needs any more as a spare, when it is of the usual size and there
    /// is room; deletes it otherwise.
    private func setAside(_ file: JournalSegment) {
        guard file.capacity == Self.segmentCapacity, spares.count < Self.maximumSpares else {
            unlink(file.path)
            return
        }
        sparesMade += 1
        do {
            try file.move(to: "\(directory)/spare-\(sparesMade).journal")
            spares.append(file)
        } catch {
            unlink(file.path)
        }
    }

    private static func path(_ directory: String, _ segment: Int) -> String {
        "\(directory)/segment-\(String(format: "%012d", segment)).journal"
    }

    /// The segment's file: framed, or JSON Lines from an earlier version.
    private static func existingPath(_ directory: String, _ segment: Int) -> String {
        let framed = path(directory, segment)
        let lines = String(framed.dropLast(".journal".count)) + ".jsonl"
        return access(lines, F_OK) == 0 ? lines : framed
    }

    private static func segmentNumber(_ name: String) -> Int? {
        guard name.hasPrefix("segment-") else { return nil }
        let stem = name.dropFirst("segment-".count)
        for suffix in [".journal", ".jsonl"] where stem.hasSuffix(suffix) {
            return Int(stem.dropLast(suffix.count))
        }
        return nil
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
