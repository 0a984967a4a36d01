/// Why the shared login call failed, in words for the status bar.
public struct LoginError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Base: Sendable, Equatable {
        case rejected
        case emptyPassword
        case plainHTTPServer(String)
        case httpStatus(Int)
        case notASession(bytes: Int)
        case missingService(String)
    }

    private let base: Base

    public static let rejected = Self(base: .rejected)
    /// Refused before sending: an empty password only ever earns a refusal, and says nothing the server needs.
    public static let emptyPassword = Self(base: .emptyPassword)
    /// An https URL whose server speaks plain HTTP (found by `PlainHTTPProbe`); the associated URL is the fix.
    public static func plainHTTPServer(_ url: String) -> Self { Self(base: .plainHTTPServer(url)) }
    public static func httpStatus(_ status: Int) -> Self { Self(base: .httpStatus(status)) }
    public static func notASession(bytes: Int) -> Self { Self(base: .notASession(bytes: bytes)) }
    public static func missingService(_ name: String) -> Self { Self(base: .missingService(name)) }

    public var description: String {
        switch base {
        case .rejected: "login failed: wrong user name or password"
        case .emptyPassword: "no password given: set password_command in config.toml or NATTER_PASSWORD"
        case .plainHTTPServer(let url): "TLS handshake timed out: the server speaks plain HTTP; use \(url)"
        case .httpStatus(let status) where status == 404 || status == 405:
            "login failed with HTTP \(status): this server has no Natter login; check the server URL"
        case .httpStatus(let status): "login failed with HTTP \(status)"
        case .notASession(let bytes): "login answer is not a Ryver session (\(bytes) bytes)"
        case .missingService(let name): "login answer has no WebSocket URL for the \(name) service"
        }
    }
}

extension LoginError: LinkFailure {
    /// Wrong credentials stay wrong, and so does a URL the server has nothing at (any 4xx but a timeout or a
    /// rate limit); a server error or a half-started server may be gone on the next try.
    public var retryingCanHelp: Bool {
        switch base {
        case .rejected, .emptyPassword, .plainHTTPServer: false
        case .httpStatus(let status): !(400..<500).contains(status) || status == 408 || status == 429
        case .notASession, .missingService: true
        }
    }
}
