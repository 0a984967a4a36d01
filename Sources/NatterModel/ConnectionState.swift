import Foundation

/// The link to the server as the user should see it in the status bar.
public enum ConnectionState: Hashable, Sendable {
    case offline(reason: String?)
    case connecting
    case online
    /// Waiting before the next attempt; `retryAt` lets the status bar count down.
    case reconnecting(attempt: Int, retryAt: Date, reason: String)

    public var isOnline: Bool { self == .online }

    public func summary(now: Date = Date()) -> String {
        switch self {
        case .offline(let reason): reason.map { "offline: \($0)" } ?? "offline"
        case .connecting: "connecting…"
        case .online: "online"
        case .reconnecting(_, let retryAt, let reason):
            "reconnecting in \(max(0, Int(retryAt.timeIntervalSince(now).rounded(.up)))) s (\(reason))"
        }
    }
}
