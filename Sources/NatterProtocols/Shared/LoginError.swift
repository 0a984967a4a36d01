/// Why the shared login call failed, in words for the status bar.
public struct LoginError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Base: Sendable, Equatable {
        case rejected
        case httpStatus(Int)
        case notASession(bytes: Int)
        case missingService(String)
    }

    private let base: Base

    public static let rejected = Self(base: .rejected)
    public static func httpStatus(_ status: Int) -> Self { Self(base: .httpStatus(status)) }
    public static func notASession(bytes: Int) -> Self { Self(base: .notASession(bytes: bytes)) }
    public static func missingService(_ name: String) -> Self { Self(base: .missingService(name)) }

    public var description: String {
        switch base {
        case .rejected: "login failed: wrong user name or password"
        case .httpStatus(let status): "login failed with HTTP \(status)"
        case .notASession(let bytes): "login answer is not a Ryver session (\(bytes) bytes)"
        case .missingService(let name): "login answer has no WebSocket URL for the \(name) service"
        }
    }
}

extension LoginError: LinkFailure {
    /// Wrong credentials stay wrong; a server error or a half-started server may be gone on the next try.
    public var retryingCanHelp: Bool { base != .rejected }
}
