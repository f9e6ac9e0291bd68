import Dispatch
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to PostgreSQL for blocking calls, made from any thread but its own event loop's
/// (the audit writer's thread, the CLI, request tasks for short admin calls).
///
/// Guarantees: calls are serialized, and a ``transaction(_:)`` holds the connection from `BEGIN` to
/// `COMMIT`, so nothing else interleaves with it; every round trip has a deadline, after which the
/// connection is closed and the call fails with ``StoreError`` (a store that hangs makes the audit
/// writer spill, it does not stop it); a connection that broke is dropped and the next call opens a
/// new one. Does not: pool connections (one is plenty for batched writes and admin reads), or retry
/// a failed call (the caller's writer retries whole batches).
final class PostgresSession: @unchecked Sendable {
    /// The event loop all sessions' connections run on: a thread of its own, so a blocking wait
    /// from a request task or the writer's thread can never wait on itself.
    private static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let settings: PostgresSettings
    /// Longest wait for one round trip.
    let deadline: TimeInterval
    private let logger: Logger
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var nextConnectionID = 1

    init(settings: PostgresSettings, deadline: TimeInterval = 35, logger: Logger) {
        self.settings = settings
        self.deadline = deadline
        self.logger = logger
    }

    deinit {
        closeConnection()
    }

    /// Runs `body` on the connection, opening one first when there is none.
    func withConnection<Result>(_ body: (Statements) throws -> Result) throws(StoreError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        do {
            let statements = Statements(connection: try connected(), session: self)
            return try body(statements)
        } catch {
            // An SQL error leaves the connection usable; anything else (a timeout, a broken
            // connection) means the next call starts on a new one.
            if (error as? PSQLError)?.code != .server { closeConnection() }
            throw describe(error)
        }
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
            } catch {
                do { try statements.run("ROLLBACK") } catch { closeConnection() }
                throw error
            }
        }
    }

    /// Closes the connection (the next call opens a new one).
    func close() {
        lock.lock()
        defer { lock.unlock() }
        closeConnection()
    }

    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let id = nextConnectionID
        nextConnectionID += 1
        let opened = try wait(PostgresConnection.connect(on: Self.eventLoopGroup.next(), configuration: settings.configuration,
                                                         id: id, logger: logger))
        connection = opened
        return opened
    }

    /// Closes the connection in the background, keeping it alive until it is closed.
    private func closeConnection() {
        guard let closing = connection else { return }
        connection = nil
        closing.close().whenComplete { _ in withExtendedLifetime(closing) {} }
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
