import Foundation
import HTTPTypes
import RampartGateway
import RampartGuard

/// The headers that say how a proxied response was routed (docs/routing.md, "Headers").
enum RouteHeaders {
    static func fields<Value>(contentType: String, _ routed: Gateway.Routed<Value>) -> HTTPFields {
        var fields: HTTPFields = [
            .contentType: contentType, .rampartRoute: routed.target.description, .rampartAttempts: String(routed.attempts),
        ]
        if contentType == "text/event-stream" { fields[.cacheControl] = "no-cache" }
        if let reason = routed.fallbackReason { fields[.rampartFallbackReason] = reason }
        if let reason = routed.routeReason { fields[.rampartRouteReason] = reason.rawValue }
        if let verdict = routed.guardVerdict { fields[.rampartGuard] = verdict.rawValue }
        if let deprecation = routed.target.deprecation {
            // RFC 9745: a structured-field date; RFC 8594: an HTTP date.
            fields[.deprecation] = "@\(Int(deprecation.since.timeIntervalSince1970))"
            fields[.sunset] = httpDate(deprecation.sunset)
        }
        return fields
    }

    /// An IMF-fixdate (RFC 9110), built from UTC calendar fields: no formatter is made per response.
    static func httpDate(_ date: Date) -> String {
        let parts = utc.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekday = weekdays[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) GMT"
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

extension HTTPField.Name {
    static let rampartFallbackReason = Self("x-rampart-fallback-reason")!
    static let rampartRouteReason = Self("x-rampart-route-reason")!
    static let rampartTimeout = Self("x-rampart-timeout-ms")!
    static let rampartGuard = Self("x-rampart-guard")!
    static let deprecation = Self("Deprecation")!
    static let sunset = Self("Sunset")!
}
