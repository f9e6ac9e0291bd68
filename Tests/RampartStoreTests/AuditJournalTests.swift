import Foundation
import Logging
import Testing
@testable import RampartStore

@Suite struct AuditJournalTests {
    func body(_ index: Int, padding: Int = 0) -> String {
        var event = requestEvent(index)
        if padding > 0 { event.prompt = StoredText(sha256: "-", text: String(repeating: "x", count: padding)) }
        return AuditChain.encode(event)
    }

    /// A frame as ``JournalSegment`` writes it: header (length, tag), body, padding to 8 bytes.
    func frame(_ body: String, tag: UInt32) -> Data {
        var data = Data()
        withUnsafeBytes(of: UInt32(body.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: tag.littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: Array(body.utf8))
        data.append(contentsOf: [UInt8](repeating: 0, count: JournalSegment.frameSize(body.utf8.count) - 8 - body.utf8.count))
        return data
    }

    @Test func readingStopsAtTheFirstFrameOfAnotherSegmentOrCutShort() {
        let two = frame("first", tag: 7) + frame("second", tag: 7)
        #expect(JournalSegment.bodies(in: two + frame("stale, from segment 6", tag: 6) + frame("after it", tag: 7), number: 7)
            .map { String(decoding: $0, as: UTF8.self) } == ["first", "second"])
        #expect(JournalSegment.bodies(in: two + frame("cut short", tag: 7).prefix(12), number: 7).count == 2)
        #expect(JournalSegment.bodies(in: two + Data(count: 64), number: 7).count == 2)
        #expect(JournalSegment.bodies(in: two, number: 7 + (1 << 32)).count == 2)   // the tag is the number's low 32 bits
    }

    @Test func aReusedFileGivesBackOnlyWhatItsNewSegmentHolds() throws {
        let directory = temporaryDirectory()
        let journal = try AuditJournal(directory: directory)
        for index in 1...20 { _ = try journal.append(body(index, padding: 500)) }
        let first = try #require(try journal.seal())
        journal.remove(first)   // stored: its file is set aside for reuse
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).contains { $0.hasPrefix("spare-") })
        for index in 21...22 { _ = try journal.append(body(index)) }
        let second = try #require(try journal.seal())   // the next segment opens in the first one's file
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: directory)).contains { $0.hasPrefix("spare-") })
        for index in 23...24 { _ = try journal.append(body(index)) }
        // The process dies here: the next start finds the third segment in a file that still holds the first's frames.
        let next = try AuditJournal(directory: directory)
        #expect(next.sealedSegments() == [second, second + 1])
        #expect(try next.events(in: second).map { try AuditChain.decode($0.body).requestID } == ["req-21", "req-22"])
        #expect(try next.events(in: second + 1).map { try AuditChain.decode($0.body).requestID } == ["req-23", "req-24"])
    }

    @Test func segmentsFromEarlierVersionsAreReplayed() throws {
        let directory = temporaryDirectory()
        let lines = [body(1), body(2)].joined(separator: "\n") + "\n{\"torn"
        try lines.write(toFile: directory + "/segment-000000000003.jsonl", atomically: false, encoding: .utf8)
        let journal = try AuditJournal(directory: directory)
        #expect(journal.sealedSegments() == [3] && journal.openSegment == 4)
        #expect(try journal.events(in: 3).map { try AuditChain.decode($0.body).requestID } == ["req-1", "req-2"])
        journal.remove(3)
        #expect(!FileManager.default.fileExists(atPath: directory + "/segment-000000000003.jsonl"))
    }

    @Test func anEventLargerThanASegmentGetsOneOfItsOwn() throws {
        let directory = temporaryDirectory()
        let journal = try AuditJournal(directory: directory)
        _ = try journal.append(body(1))
        let large = body(2, padding: AuditJournal.segmentCapacity)
        let sealed = try journal.append(large)
        #expect(sealed == 1 && journal.openSegment == 2 && journal.openBytes == JournalSegment.frameSize(large.utf8.count))
        #expect(try journal.append(body(3)) == 2)   // no room left beside it
        #expect(journal.sealedSegments() == [1, 2])
        #expect(try journal.events(in: 2).map(\.body) == [large])
    }

    @Test func segmentsThatFillAreStoredInOrderWithTheRest() async throws {
        let directory = temporaryDirectory()
        let store = try StoreKind.sqlite.makeStore().store
        let log = try AuditLog(store: store, journalDirectory: directory + "/journal", logger: Logger(label: "test"))
        for index in 1...10 {
            var event = requestEvent(index)
            if index.isMultiple(of: 3) { event.prompt = StoredText(sha256: "-", text: String(repeating: "y", count: AuditJournal.segmentCapacity / 2)) }
            log.record(event)
        }
        await log.shutdown()
        #expect(try store.events(from: .distantPast, to: .distantFuture).map(\.requestID) == (1...10).map { "req-\($0)" })
        #expect(try store.verify().intact)
    }

    #if os(Linux)
    @Test func theWriterThreadIsNamedForOperators() async throws {
        let log = try AuditLog(store: try StoreKind.sqlite.makeStore().store, journalDirectory: temporaryDirectory() + "/journal",
                               logger: Logger(label: "test"))
        func named() -> Bool {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
            return tasks.contains { (try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)) == "rampart-audit\n" }
        }
        var seen = named()
        for _ in 0..<100 where !seen {
            try await Task.sleep(for: .milliseconds(10))
            seen = named()
        }
        await log.shutdown()
        #expect(seen, "no thread named rampart-audit in /proc/self/task")
    }
    #endif
}
