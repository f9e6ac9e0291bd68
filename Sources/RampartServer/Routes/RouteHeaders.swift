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

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

extension HTTPField.Name {
    static let rampartFallbackReason = Self("x-rampart-fallback-reason")!
    static let rampartRouteReason = Self("x-rampart-route-reason")!
    static let rampartTimeout = Self("x-rampart-timeout-ms")!
    static let rampartGuard = Self("x-rampart-guard")!
    static let deprecation = Self("Deprecation")!
    static let sunset = Self("Sunset")!
}
