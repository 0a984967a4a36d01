/// Why the realtime link failed, in words for the status bar.
public struct RealtimeAdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Base: Sendable, Equatable {
        case loginRejected
        case authFailed(String)
        case server(String)
        case silent(seconds: Int)
        case closed(code: UInt16?, reason: String)
    }

    private let base: Base

    public static let loginRejected = Self(base: .loginRejected)
    public static func authFailed(_ text: String) -> Self { Self(base: .authFailed(text)) }
    public static func server(_ text: String) -> Self { Self(base: .server(text)) }
    public static func silent(seconds: Int) -> Self { Self(base: .silent(seconds: seconds)) }
    public static func closed(code: UInt16?, reason: String) -> Self { Self(base: .closed(code: code, reason: reason)) }

    /// Retrying with the same credentials cannot succeed; the user has to act.
    public var isPermanent: Bool { base == .loginRejected }

    public var description: String {
        switch base {
        case .loginRejected: "login failed: wrong user name or password"
        case .authFailed(let text): "session refused: \(text)"
        case .server(let text): text
        case .silent(let seconds): "no answer from the server for \(seconds) s"
        case .closed(let code?, let reason) where !reason.isEmpty: "server closed the connection (\(code): \(reason))"
        case .closed(let code?, _): "server closed the connection (\(code))"
        case .closed(nil, _): "server closed the connection"
        }
    }
}
