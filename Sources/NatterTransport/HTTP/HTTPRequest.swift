/// One HTTP request, as a value; ``HTTPClient`` turns it into a libcurl transfer.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The whole-transfer limit; `nil` uses ``HTTPClient/Configuration/timeout``.
    /// Long polls set this above the server's hold time.
    public var timeout: Duration?
    public var credentials: HTTPCredentials?

    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        timeout: Duration? = nil,
        credentials: HTTPCredentials? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.credentials = credentials
    }
}

/// A user name and password, and how to present them.
public struct HTTPCredentials: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: Sendable, Hashable {
        /// Sent preemptively on the first request (natterd, Ryver login).
        case basic
        /// Challenge-response through libcurl, for real Exchange servers.
        case ntlm
    }

    public var username: String
    public var password: String
    public var scheme: Scheme

    public init(username: String, password: String, scheme: Scheme = .basic) {
        self.username = username
        self.password = password
        self.scheme = scheme
    }

    /// Never prints the password, so credentials can appear in logs and test failures.
    public var description: String {
        "HTTPCredentials(\(username), \(scheme), password: <redacted>)"
    }
}
