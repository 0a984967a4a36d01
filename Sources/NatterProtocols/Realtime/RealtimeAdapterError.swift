/// Why the realtime link failed, in words for the status bar.
public struct RealtimeAdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Base: Sendable, Equatable {
        case authFailed(String)
        case server(String)
        case silent(seconds: Int)
        case closed(code: UInt16?, reason: String)
    }

    private let base: Base

    public static func authFailed(_ text: String) -> Self { Self(base: .authFailed(text)) }
    public static func server(_ text: String) -> Self { Self(base: .server(text)) }
    public static func silent(seconds: Int) -> Self { Self(base: .silent(seconds: seconds)) }
    public static func closed(code: UInt16?, reason: String) -> Self { Self(base: .closed(code: code, reason: reason)) }

    public var description: String {
        switch base {
        case .authFailed(let text): "session refused: \(text)"
        case .server(let text): text
        case .silent(let seconds): "no answer from the server for \(seconds) s"
        case .closed(let code?, let reason) where !reason.isEmpty: "server closed the connection (\(code): \(reason))"
        case .closed(let code?, _): "server closed the connection (\(code))"
        case .closed(nil, _): "server closed the connection"
        }
    }
}

extension RealtimeAdapterError: LinkFailure {
    /// Every connection logs in afresh, so a refused `auth` means the server refuses a session it has just
    /// issued: the next attempt would be refused the same way.
    public var retryingCanHelp: Bool {
        if case .authFailed = base { return false }
        return true
    }
}
