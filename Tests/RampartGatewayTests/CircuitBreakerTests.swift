import Testing
@testable import RampartGateway

@Suite struct CircuitBreakerTests {
    let start = ContinuousClock.now

    func breaker(_ configure: (inout BreakerSettings) -> Void = { _ in }) -> CircuitBreaker {
        var settings = BreakerSettings()
        settings.cooldown = .seconds(10)
        settings.suspensionCooldown = .seconds(600)
        configure(&settings)
        return CircuitBreaker(settings: settings, now: start)
    }

    @Test func opensAfterFiveFailuresInARowEvenAfterManySuccesses() {
        var breaker = breaker()
        for _ in 0..<100 { _ = breaker.record(.healthy, probe: false, now: start) }
        for failure in 1...5 {
            #expect(breaker.admit(now: start) == .allowed)
            let changed = breaker.record(.failure, probe: false, now: start)
            #expect((changed != nil) == (failure == 5))
        }
        #expect(breaker.state == .open(until: start + .seconds(10)))
        #expect(breaker.admit(now: start + .seconds(9)) == .rejected(retryAt: start + .seconds(10)))
    }

    @Test func opensOnTheFailureRateOverTheWindow() {
        var breaker = breaker { $0.consecutiveFailures = 100; $0.minRequests = 4; $0.failureRate = 0.5 }
        _ = breaker.record(.healthy, probe: false, now: start)
        _ = breaker.record(.failure, probe: false, now: start)
        _ = breaker.record(.healthy, probe: false, now: start)
        #expect(breaker.state == .closed)
        _ = breaker.record(.failure, probe: false, now: start)
        #expect(breaker.state != .closed)
    }

    @Test func forgetsFailuresOutsideTheWindow() {
        var breaker = breaker { $0.consecutiveFailures = 100; $0.minRequests = 2; $0.window = .seconds(5) }
        _ = breaker.record(.failure, probe: false, now: start)
        _ = breaker.record(.healthy, probe: false, now: start + .seconds(10))
        _ = breaker.record(.healthy, probe: false, now: start + .seconds(10))
        #expect(breaker.counts(now: start + .seconds(10)) == (2, 0))
    }

    @Test func letsExactlyOneProbeThroughAfterTheCooldownAndClosesOnSuccess() {
        var breaker = breaker { $0.consecutiveFailures = 1 }
        _ = breaker.record(.failure, probe: false, now: start)
        let later = start + .seconds(11)
        #expect(breaker.admit(now: later) == .probe)
        #expect(breaker.admit(now: later) == .rejected(retryAt: nil))
        #expect(breaker.record(.healthy, probe: true, now: later) == .closed)
        #expect(breaker.admit(now: later) == .allowed)
    }

    @Test func aFailedProbeReopensAndAnAbandonedOneCanBeRetaken() {
        var breaker = breaker { $0.consecutiveFailures = 1 }
        _ = breaker.record(.failure, probe: false, now: start)
        let later = start + .seconds(11)
        #expect(breaker.admit(now: later) == .probe)
        breaker.abandon(probe: true)
        #expect(breaker.admit(now: later) == .probe)
        #expect(breaker.record(.failure, probe: true, now: later) == .open(until: later + .seconds(10)))
    }

    @Test func suspensionsOpenAtOnceForTheLongCooldown() {
        var breaker = breaker()
        #expect(breaker.record(.suspension, probe: false, now: start) == .open(until: start + .seconds(600)))
        // A shorter cooldown never shortens a suspension.
        breaker.open(for: .seconds(10), now: start)
        #expect(breaker.state == .open(until: start + .seconds(600)))
    }

    @Test func neutralOutcomesLeaveTheBreakerAlone() {
        var breaker = breaker { $0.consecutiveFailures = 1 }
        for _ in 0..<10 { #expect(breaker.record(.neutral, probe: false, now: start) == nil) }
        #expect(breaker.state == .closed && breaker.counts(now: start) == (0, 0))
    }

    @Test(arguments: [
        (UpstreamStatus(status: 403, message: "This model has been suspended"), ErrorClass.accessSuspended),
        (UpstreamStatus(status: 403, message: "Not available in your region: regulatory restrictions"), .legalBlock),
        (UpstreamStatus(status: 451, message: "Unavailable For Legal Reasons"), .legalBlock),
        (UpstreamStatus(status: 401, message: "invalid x-api-key"), .credentialsRejected),
        (UpstreamStatus(status: 404, message: "model not found"), .modelNotFound),
        (UpstreamStatus(status: 429, message: "slow down"), .rateLimited),
        (UpstreamStatus(status: 429, message: "You exceeded your current quota", code: "insufficient_quota"), .accessSuspended),
        (UpstreamStatus(status: 529, message: "Overloaded", type: "overloaded_error"), .overloaded),
        (UpstreamStatus(status: 400, message: "This model's maximum context length is 8192 tokens", code: "context_length_exceeded"), .contextLengthExceeded),
        (UpstreamStatus(status: 400, message: "Output blocked by content filtering policy"), .contentRefused),
        (UpstreamStatus(status: 400, message: "messages: field required"), .badRequest),
        (UpstreamStatus(status: 502, message: "bad gateway"), .serverError),
    ])
    func classifiesErrorAnswers(status: UpstreamStatus, expected: ErrorClass) {
        #expect(UpstreamFailure.status(status).errorClass == expected)
    }
}
