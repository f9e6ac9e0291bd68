import Foundation
import Logging
import Metrics

/// Writes the audit trail: requests record their events here, and a writer thread stores them in
/// batches, off the request path.
///
/// ``record(_:)`` appends the event to the journal (``AuditJournal``: a copy into a memory-mapped
/// file) and returns; an answered request's event therefore survives the process being killed.
/// Every `flushInterval`, or sooner when `batchSize` events wait or a segment fills, the writer
/// seals the journal's segment and appends its events to the store in one transaction, then lets
/// the segment go. When the store fails, sealed segments stay on disk (the spill), the writer
/// retries with back-off, and the operator is told:
/// ``status`` (for `/readyz`), the `rampart_audit_*` metrics and an error log. When the spill
/// reaches `spillLimitBytes`, new events are counted as dropped (metric and log) instead of
/// filling the disk. Events spilled or left by a crash are stored, in order, when the store
/// answers again or at the next start.
///
/// The chain's head is also written to `audit-head.json` beside the journal after each batch, so
/// that `rampart audit verify` can tell when events were cut from the end of the store.
public final class AuditLog: Sendable {
    public struct Options: Sendable {
        /// How often the writer stores what was recorded (the journal keeps it safe meanwhile):
        /// each store transaction has a fixed cost, so fewer, larger batches cost less.
        public var flushInterval: Duration = .milliseconds(250)
        /// Events that wake the writer before the interval is up.
        public var batchSize = 2048
        public var spillLimitBytes = 1 << 30
        /// Events older than this are deleted (checked every ten minutes); nil keeps everything.
        public var retention: Duration?

        public init() {}
    }

    /// How the trail is doing, for `/readyz` and admin views.
    public struct Status: Sendable {
        /// Events recorded but not yet stored (journal and spill).
        public var pending: Int
        /// Bytes of sealed segments waiting for the store.
        public var spilledBytes: Int
        /// Events not recorded because the spill was full.
        public var dropped: Int
        /// The store's last failure, cleared by the next success.
        public var storeError: String?

        /// Whether every event is being stored as it should.
        public var healthy: Bool { storeError == nil && dropped == 0 }
    }

    private struct State {
        var journal: AuditJournal
        var openEvents: [JournaledEvent] = []
        var sealedEvents = 0
        var dropped = 0
        var storeError: String?
        var stopping = false
        var lastDropLog = Date.distantPast
        /// Events of segments sealed but not yet taken by the writer, by segment: stored from
        /// memory rather than read back from the journal.
        var sealedInMemory: [Int: [JournaledEvent]] = [:]
        /// The writer was woken for a full batch it has not taken yet (wake it once, not per event).
        var wokenForBatch = false

        /// Moves the open segment's events to `sealedInMemory` under the number it was sealed as.
        mutating func sealSpooled(as segment: Int) {
            sealedInMemory[segment] = openEvents
            sealedEvents += openEvents.count
            openEvents = []
        }
    }

    public let store: any AuditStore
    public let headFile: String
    private let options: Options
    private let logger: Logger
    private let state: Locked<State>
    private let wake = NSCondition()
    private let finished = DispatchSemaphore(value: 0)
    private let written = Counter(label: "rampart_audit_events_written_total")
    private let droppedCounter = Counter(label: "rampart_audit_events_dropped_total")
    private let pendingGauge = Gauge(label: "rampart_audit_queue_depth")
    private let spilledGauge = Gauge(label: "rampart_audit_spilled_bytes")

    /// Opens the journal in `journalDirectory`, stores what an earlier run left in it, and starts
    /// the writer thread.
    public init(store: any AuditStore, journalDirectory: String, options: Options = Options(), logger: Logger) throws(StoreError) {
        self.store = store
        self.options = options
        self.logger = logger
        headFile = journalDirectory + "/audit-head.json"
        state = Locked(State(journal: try AuditJournal(directory: journalDirectory)))
        let thread = Thread { [self] in
            // Named from inside, through /proc (Linux only; elsewhere the write fails and nothing
            // changes): Foundation does not pass `Thread.name` to the kernel on Linux and Swift's
            // Glibc has no pthread_setname_np, so the writer would show under its creator's name in
            // `top -H`, perf and /proc/<pid>/task. bench/audit-cost.sh finds it by this name.
            try? "rampart-audit".write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
            self.writerLoop()
        }
        thread.start()
    }

    /// Journals `event` for storing. Cheap; never blocks on the store.
    public func record(_ event: AuditEvent) {
        let item = JournaledEvent(event: event)
        let flushNow = state.withLock { state -> Bool in
            guard state.journal.sealedBytes + state.journal.openBytes < options.spillLimitBytes else {
                state.dropped += 1
                droppedCounter.increment()
                if Date().timeIntervalSince(state.lastDropLog) > 10 {
                    state.lastDropLog = Date()
                    logger.error("audit spill is full: events are being dropped", metadata: [
                        "dropped": "\(state.dropped)", "limit_bytes": "\(options.spillLimitBytes)", "store_error": "\(state.storeError ?? "none")",
                    ])
                }
                return false
            }
            var sealedOne = false
            do {
                if let sealed = try state.journal.append(item.body) {
                    state.sealSpooled(as: sealed)
                    sealedOne = true
                }
                state.openEvents.append(item)
            } catch {
                state.dropped += 1
                droppedCounter.increment()
                logger.error("audit journal write failed; the event is dropped", metadata: ["error": "\(error)"])
            }
            guard sealedOne || state.openEvents.count >= options.batchSize, !state.wokenForBatch else { return false }
            state.wokenForBatch = true
            return true
        }
        if flushNow { wakeWriter() }
    }

    private func wakeWriter() {
        wake.lock()
        wake.signal()
        wake.unlock()
    }

    public var status: Status {
        state.withLock { state in
            Status(pending: state.openEvents.count + state.sealedEvents, spilledBytes: state.journal.sealedBytes,
                   dropped: state.dropped, storeError: state.storeError)
        }
    }

    /// Stores everything recorded so far and stops the writer.
    public func shutdown() async {
        let alreadyStopping = state.withLock { state in
            defer { state.stopping = true }
            return state.stopping
        }
        guard !alreadyStopping else { return }
        wakeWriter()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.finished.wait()
                continuation.resume()
            }
        }
    }

    // MARK: The writer thread

    private func writerLoop() {
        var backoff = options.flushInterval
        var lastPrune = Date.distantPast
        while true {
            wake.lock()
            _ = wake.wait(until: Date().addingTimeInterval(Self.seconds(backoff)))
            wake.unlock()
            let stopping = state.withLock(\.stopping)
            if flush() {
                backoff = options.flushInterval
            } else {
                backoff = min(backoff * 2, .seconds(5))
            }
            if let retention = options.retention, Date().timeIntervalSince(lastPrune) > 600 {
                lastPrune = Date()
                prune(olderThan: retention)
            }
            if stopping { break }
        }
        finished.signal()
    }

    /// Seals the open segment and stores every sealed one, oldest first. False when the store failed.
    private func flush() -> Bool {
        let (segments, inMemory) = state.withLock { state -> ([Int], [Int: [JournaledEvent]]) in
            state.wokenForBatch = false
            do {
                if let sealed = try state.journal.seal() { state.sealSpooled(as: sealed) }
            } catch {
                logger.error("audit journal: cannot open the next segment; the open one is stored later", metadata: ["error": "\(error)"])
            }
            defer { state.sealedInMemory = [:] }
            return (state.journal.sealedSegments(), state.sealedInMemory)
        }
        for segment in segments {
            do {
                // Segments sealed in this run are stored from memory; others (spilled, or left by a crash) from disk.
                let events = try inMemory[segment] ?? state.withLock { try $0.journal.events(in: segment) }
                let head = try store.append(events)
                writeHead(head)
                state.withLock { state in
                    state.journal.remove(segment)
                    state.sealedEvents = max(0, state.sealedEvents - events.count)
                    if state.storeError != nil {
                        logger.notice("audit store reachable again; spilled events stored", metadata: ["store": "\(store)"])
                        state.storeError = nil
                    }
                }
                written.increment(by: events.count)
            } catch {
                let message = "\(error)"
                state.withLock { state in
                    if state.storeError == nil {
                        logger.error("audit store unreachable; events spill to the journal until it answers", metadata: [
                            "error": "\(message)", "journal": "\(state.journal.directory)",
                        ])
                    }
                    state.storeError = message
                }
                updateGauges()
                return false
            }
        }
        updateGauges()
        return true
    }

    private func updateGauges() {
        let status = status
        pendingGauge.record(status.pending)
        spilledGauge.record(status.spilledBytes)
    }

    /// Writes the chain's head beside the journal: one small `pwrite` over the start of the file
    /// (padded to a fixed length, so that a shorter head never leaves an older one's tail), no sync.
    private func writeHead(_ head: ChainHead) {
        var text = #"{"hash":"\#(head.hash)","seq":\#(head.seq)}"#
        text += String(repeating: " ", count: max(0, 120 - text.utf8.count)) + "\n"
        let descriptor = open(headFile, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    private func prune(olderThan retention: Duration) {
        let cutoff = Date().addingTimeInterval(-Self.seconds(retention))
        do {
            let deleted = try store.prune(before: cutoff)
            if deleted > 0 { logger.info("audit retention: deleted old events", metadata: ["deleted": "\(deleted)", "before": "\(cutoff)"]) }
        } catch {
            logger.warning("audit retention failed", metadata: ["error": "\(error)"])
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
