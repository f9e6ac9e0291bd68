import Foundation

/// One admin action as recorded: who did what, when.
public struct AdminEvent: Codable, Sendable, Hashable {
    public var seq: Int
    public var at: Date
    /// `kill_switch.create`, `kill_switch.remove`.
    public var action: String
    /// Who acted: the admin token's holder, as the request named itself (`x-rampart-actor`) or `admin`.
    public var actor: String
    /// The kill switch the action created or removed, as it was after the action.
    public var killSwitch: KillSwitch?
}

/// The append-only record of admin actions: `admin-events.jsonl` in the state directory, one JSON
/// object per line, each written and flushed to disk before the action takes effect.
///
/// It is both the audit trail of admin changes and the source kill switches are restored from at
/// start. Not safe for concurrent use on its own: ``KillSwitchRegistry`` serialises access.
struct AdminEventLog {
    let path: String
    private(set) var events: [AdminEvent]

    static let fileName = "admin-events.jsonl"

    static var encoder: JSONEncoder { AdminJSON.encoder }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamps.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an RFC 3339 time: \(text)"))
            }
            return date
        }
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// Opens the log in `directory`, reading what earlier runs recorded. A last line cut short
    /// by a crash is skipped (and named in `warnings`); any other unreadable line is an error.
    init(directory: String) throws(AdminLogError) {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        events = []
        guard FileManager.default.fileExists(atPath: path) else { return }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw AdminLogError(message: "cannot read \(path): \(error.localizedDescription)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        for (number, line) in lines.enumerated() {
            do {
                events.append(try Self.decoder.decode(AdminEvent.self, from: Data(line.utf8)))
            } catch where number == lines.count - 1 && !text.hasSuffix("\n") {
                warnings.append("\(path): the last line is incomplete (a write was interrupted) and was skipped")
            } catch {
                throw AdminLogError(message: "\(path) line \(number + 1) is not a valid admin event: \(error)")
            }
        }
    }

    /// Problems found while reading that did not stop it.
    private(set) var warnings: [String] = []

    /// Appends an event and flushes it to disk; on failure nothing is recorded.
    mutating func append(action: String, actor: String, killSwitch: KillSwitch?, at date: Date) throws(AdminLogError) -> AdminEvent {
        let event = AdminEvent(seq: (events.last?.seq ?? 0) + 1, at: date, action: action, actor: actor, killSwitch: killSwitch)
        do {
            var line = try Self.encoder.encode(event)
            line.append(UInt8(ascii: "\n"))
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
            guard descriptor >= 0 else { throw AdminLogError(message: "cannot open \(path): \(String(cString: strerror(errno)))") }
            defer { close(descriptor) }
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == line.count, fsync(descriptor) == 0 else {
                throw AdminLogError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as AdminLogError {
            throw error
        } catch {
            throw AdminLogError(message: "cannot record the admin event in \(path): \(error)")
        }
        events.append(event)
        return event
    }
}

/// The admin event log could not be read or written.
public struct AdminLogError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// RFC 3339 times as Rampart writes them (UTC, milliseconds).
public enum Timestamps {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

/// JSON as the admin API and the admin event log write it: snake_case keys, RFC 3339 times,
/// sorted keys.
public enum AdminJSON {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamps.format(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()
}
