import Dispatch
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A few connections to PostgreSQL for blocking calls, made from any thread but their own event
/// loop's (the audit writer's thread, the CLI, request tasks' limit counts and admin calls).
///
/// Guarantees: each call, and each ``transaction(_:)`` from `BEGIN` to `COMMIT`, has a connection
/// to itself, so nothing interleaves with it; up to ``maximumConnections`` calls run at once, so a
/// long audit batch does not hold up a request's limit count or a key lookup; a call waits at most
/// ``deadline`` for a free connection and for each round trip, after which it fails with
/// ``StoreError`` (a store that hangs makes the audit writer spill, it does not stop it); a
/// connection that broke or timed out is dropped and a new one opened when next needed. Idle
/// connections stay open for the next call. Does not: retry a failed call (the caller's writer
/// retries whole batches), or close idle connections on a timer.
final class PostgresSession: @unchecked Sendable {
    /// The event loop all sessions' connections run on: a thread of its own, so a blocking wait
    /// from a request task or the writer's thread can never wait on itself.
    private static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let settings: PostgresSettings
    /// Longest wait for a free connection, and for one round trip.
    let deadline: TimeInterval
    /// Most connections open at once (idle or in use).
    let maximumConnections: Int
    private let logger: Logger
    /// Guards the pool below; signalled when a connection is returned or dropped.
    private let pool = NSCondition()
    private var idle: [PostgresConnection] = []
    /// Connections open or being opened, idle or in use.
    private var open = 0
    private var nextConnectionID = 1

    init(settings: PostgresSettings, deadline: TimeInterval = 35, maximumConnections: Int = 8, logger: Logger) {
        precondition(maximumConnections > 0, "a session needs at least one connection")
        self.settings = settings
        self.deadline = deadline
        self.maximumConnections = maximumConnections
        self.logger = logger
    }

    deinit {
        close()
    }

    /// Runs `body` on a connection of its own: an idle one, a new one, or the first one freed.
    func withConnection<Result>(_ body: (Statements) throws -> Result) throws(StoreError) -> Result {
        let connection = try checkOut()
        var reusable = true
        defer { reusable ? checkIn(connection) : drop(connection) }
        do {
            return try body(Statements(connection: connection, session: self))
        } catch {
            reusable = Self.leavesUsable(connection, error)
            throw describe((error as? UnusableConnection)?.cause ?? error)
        }
    }

    /// Whether `connection` may serve the next call after `error`: an SQL error leaves it usable;
    /// anything else (a timeout, a broken connection, a rollback that failed) and a server error
    /// that ends the session (FATAL or PANIC: the server was shut down, or an operator terminated
    /// the backend) mean it is dropped.
    private static func leavesUsable(_ connection: PostgresConnection, _ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server, !connection.isClosed else { return false }
        let severity = error.serverInfo?[.severity]
        return severity != "FATAL" && severity != "PANIC"
    }

    /// Runs `body` between `BEGIN` and `COMMIT`; on any error rolls back (or, when even that fails,
    /// drops the connection) and throws.
    func transaction<Result>(_ body: (Statements) throws -> Result) throws(StoreError) -> Result {
        try withConnection { statements in
            try statements.run("BEGIN")
            do {
                let result = try body(statements)
                try statements.run("COMMIT")
                return result
            } catch let failure {
                do { try statements.run("ROLLBACK") } catch { throw UnusableConnection(cause: failure) }
                throw failure
            }
        }
    }

    /// Closes the idle connections (a later call opens new ones; a connection in use stays open and
    /// goes back to the pool when its call ends).
    func close() {
        pool.lock()
        let closing = idle
        idle = []
        open -= closing.count
        pool.broadcast()
        pool.unlock()
        closing.forEach(Self.closeInBackground)
    }

    /// An idle connection, a new one when fewer than ``maximumConnections`` are open, or the first
    /// one returned within ``deadline``.
    private func checkOut() throws(StoreError) -> PostgresConnection {
        let giveUp = Date().addingTimeInterval(deadline)
        pool.lock()
        while true {
            while let connection = idle.popLast() {
                if !connection.isClosed {
                    pool.unlock()
                    return connection
                }
                open -= 1
            }
            if open < maximumConnections { break }
            guard pool.wait(until: giveUp) else {
                pool.unlock()
                throw StoreError("PostgreSQL at \(settings.display): all \(maximumConnections) connections stayed busy for \(Int(deadline)) s")
            }
        }
        open += 1
        let id = nextConnectionID
        nextConnectionID += 1
        pool.unlock()
        do {
            return try wait(PostgresConnection.connect(on: Self.eventLoopGroup.next(), configuration: settings.configuration, id: id, logger: logger))
        } catch {
            freeSlot()
            throw describe(error)
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return drop(connection) }
        pool.lock()
        idle.append(connection)
        pool.signal()
        pool.unlock()
    }

    private func drop(_ connection: PostgresConnection) {
        freeSlot()
        Self.closeInBackground(connection)
    }

    /// One connection fewer open (dropped, or never opened): a waiting call may open another.
    private func freeSlot() {
        pool.lock()
        open -= 1
        pool.signal()
        pool.unlock()
    }

    /// Closes `connection`, keeping it alive until it is closed.
    private static func closeInBackground(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Waits for `future`, at most ``deadline`` seconds (the caller then closes the connection,
    /// which fails what it was doing).
    fileprivate func wait<Value: Sendable>(_ future: EventLoopFuture<Value>) throws -> Value {
        let done = DispatchSemaphore(value: 0)
        let outcome = Locked<Result<Value, any Error>?>(nil)
        future.whenComplete { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        if done.wait(timeout: .now() + deadline) == .timedOut {
            throw StoreError("PostgreSQL at \(settings.display) did not answer within \(Int(deadline)) s")
        }
        return try outcome.withLock { $0! }.get()
    }

    /// A ``StoreError`` that says what PostgreSQL said, without the password or the query's values.
    func describe(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else { return StoreError("PostgreSQL at \(settings.display): \(error)") }
        if let server = error.serverInfo {
            let state = server[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return StoreError("PostgreSQL at \(settings.display): \(server[.message] ?? "error")\(state)")
        }
        let cause = error.underlying.map { ": \($0)" } ?? ""
        return StoreError("cannot reach PostgreSQL at \(settings.display) (\(error.code)\(cause))")
    }
}

/// A failure after which a connection must not be reused (a rollback that failed), carrying what
/// went wrong first.
private struct UnusableConnection: Error {
    var cause: any Error
}

/// Statements on a session's connection, valid only inside the closure that received them.
struct Statements {
    fileprivate let connection: PostgresConnection
    fileprivate let session: PostgresSession

    /// Runs one statement with its binds and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        Array(try session.wait(connection.query(query, logger: connection.logger)).rows)
    }

    /// Runs one statement that has no binds: transaction control, locks, DDL.
    func run(_ sql: String) throws {
        try query(PostgresQuery(unsafeSQL: sql))
    }
}
