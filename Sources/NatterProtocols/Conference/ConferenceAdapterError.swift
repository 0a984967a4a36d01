/// Why the conference link failed, in words for the status bar.
public struct ConferenceAdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Base: Sendable, Equatable {
        case authFailed(String)
        case sessionLost(String)
        case server(String)
    }

    private let base: Base

    public static func authFailed(_ text: String) -> Self { Self(base: .authFailed(text)) }
    /// The server no longer knows our ticket or sid (it expired or restarted): sign in again.
    public static func sessionLost(_ text: String) -> Self { Self(base: .sessionLost(text)) }
    public static func server(_ text: String) -> Self { Self(base: .server(text)) }

    public var description: String {
        switch base {
        case .authFailed(let text): "\(LoginError.rejected.description) (\(text))"
        case .sessionLost(let text): "session lost: \(text)"
        case .server(let text): text
        }
    }
}

extension ConferenceAdapterError: LinkFailure {
    /// The same password will be refused the same way; everything else may pass with a fresh sign-in.
    public var retryingCanHelp: Bool {
        if case .authFailed = base { return false }
        return true
    }
}
