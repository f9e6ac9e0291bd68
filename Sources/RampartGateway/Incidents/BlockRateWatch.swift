import Foundation
import Logging
import NIOConcurrencyHelpers
import RampartStore

/// Opens an incident when the guard's block rate for a category jumps over its own baseline: the
/// share of requests blocked, refused or halted for that category in the last `window`, against
/// the share in the `baseline` before it. It fires when the recent share is at least `factor`
/// times the baseline's and `minimumRise` above it, with at least `minimumBlocks` blocks — one
/// unresolved incident per category at a time.
///
/// Counts are kept in memory per second-long bucket, so a restart starts a fresh baseline.
public final class BlockRateWatch: Sendable {
    public struct Settings: Sendable, Hashable {
        public var window: Duration = .seconds(300)
        public var baseline: Duration = .seconds(3_600)
        public var factor = 3.0
        public var minimumRise = 0.05
        public var minimumBlocks = 10
        public var checkEvery: Duration = .seconds(30)

        public init() {}
    }

    private struct Bucket {
        var second: Int
        var requests = 0
        var blocks: [String: Int] = [:]
    }

    private let settings: Settings
    private let desk: IncidentDesk
    private let buckets = NIOLockedValueBox<[Bucket]>([])
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    public init(settings: Settings, desk: IncidentDesk) {
        self.settings = settings
        self.desk = desk
    }

    /// Counts one finished request (the ``AuditRecorder``'s observer).
    public func observe(_ event: AuditEvent) {
        guard event.kind == .request else { return }
        let second = Int(event.time.timeIntervalSince1970)
        let category = [.blocked, .halted].contains(event.outcome)
            ? event.guardRecords.first { ["block", "refuse", "halt"].contains($0.action ?? "") }
                .flatMap { $0.categories.max { $0.value < $1.value }?.key }
            : nil
        let horizon = Self.seconds(settings.window + settings.baseline)
        buckets.withLockedValue { buckets in
            if buckets.last?.second != second { buckets.append(Bucket(second: second)) }
            buckets[buckets.count - 1].requests += 1
            if let category { buckets[buckets.count - 1].blocks[category, default: 0] += 1 }
            if let first = buckets.first, first.second < second - horizon { buckets.removeFirst(buckets.prefix { $0.second < second - horizon }.count) }
        }
    }

    /// Checks every `checkEvery` until ``stop()``.
    public func start() {
        let check = Task { [settings] in
            while !Task.isCancelled {
                try? await Task.sleep(for: settings.checkEvery)
                await self.check(now: Date())
            }
        }
        task.withLockedValue { $0 = check }
    }

    public func stop() {
        task.withLockedValue { $0?.cancel() }
    }

    /// Opens an incident for each category whose recent block rate jumped.
    func check(now: Date) async {
        let now = Int(now.timeIntervalSince1970)
        let windowStart = now - Self.seconds(settings.window)
        let baselineStart = windowStart - Self.seconds(settings.baseline)
        let (recent, before) = buckets.withLockedValue { buckets in
            (buckets.filter { $0.second > windowStart }, buckets.filter { $0.second > baselineStart && $0.second <= windowStart })
        }
        let recentRequests = recent.reduce(0) { $0 + $1.requests }, baselineRequests = before.reduce(0) { $0 + $1.requests }
        guard recentRequests > 0 else { return }
        let recentBlocks = recent.reduce(into: [String: Int]()) { $0.merge($1.blocks, uniquingKeysWith: +) }
        for (category, blocks) in recentBlocks where blocks >= settings.minimumBlocks {
            let rate = Double(blocks) / Double(recentRequests)
            let baselineBlocks = before.reduce(0) { $0 + ($1.blocks[category] ?? 0) }
            let baseline = baselineRequests > 0 ? Double(baselineBlocks) / Double(baselineRequests) : 0
            guard rate >= baseline * settings.factor, rate >= baseline + settings.minimumRise else { continue }
            await open(category: category, rate: rate, baseline: baseline, blocks: blocks, requests: recentRequests)
        }
    }

    private func open(category: String, rate: Double, baseline: Double, blocks: Int, requests: Int) async {
        let reference = "block_rate \(category)"
        let summary = String(format: "%d of %d requests blocked for %@ in the last %d s (%.1f%%), against %.1f%% in the %d s before",
                             blocks, requests, category, Self.seconds(settings.window), rate * 100, baseline * 100, Self.seconds(settings.baseline))
        await desk.openUnlessOpen(Incident(
            title: "Block rate for \(category) jumped to \(String(format: "%.0f%%", rate * 100)) (baseline \(String(format: "%.1f%%", baseline * 100)))",
            severity: rate >= 0.5 ? .high : .medium, trigger: "block_rate", scope: .init(categories: [category]), actor: "rampart",
            evidence: [.init(kind: "block_rate", reference: reference, summary: summary)]), reference: reference)
    }

    private static func seconds(_ duration: Duration) -> Int { Int(duration.components.seconds) }
}
