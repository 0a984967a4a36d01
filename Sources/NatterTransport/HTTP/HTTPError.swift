/// Why an HTTP transfer produced no response.
public struct HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of failure, for `switch`-free checks such as `error.kind == .timedOut`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: Sendable, Hashable {
            case connectionRefused, connectionFailed, dnsFailure, timedOut, tlsVerificationFailed
            case tlsFailed, cancelled, responseTooLarge, invalidURL, connectionLost, unsupported, transport
        }

        fileprivate let base: Base

        public static let connectionRefused = Kind(base: .connectionRefused)
        public static let connectionFailed = Kind(base: .connectionFailed)
        public static let dnsFailure = Kind(base: .dnsFailure)
        public static let timedOut = Kind(base: .timedOut)
        public static let tlsVerificationFailed = Kind(base: .tlsVerificationFailed)
        public static let tlsFailed = Kind(base: .tlsFailed)
        public static let cancelled = Kind(base: .cancelled)
        public static let responseTooLarge = Kind(base: .responseTooLarge)
        public static let invalidURL = Kind(base: .invalidURL)
        public static let connectionLost = Kind(base: .connectionLost)
        public static let unsupported = Kind(base: .unsupported)
        public static let transport = Kind(base: .transport)

        public var description: String { "\(base)" }
    }

    public let kind: Kind
    /// What the user should read: names the host and the reason in plain words.
    private let message: String
    /// libcurl's own error text, kept for logs.
    public let detail: String?

    init(_ kind: Kind, _ message: String, detail: String? = nil) {
        self.kind = kind
        self.message = message
        self.detail = detail.flatMap { $0.isEmpty ? nil : $0 }
    }

    static let cancelled = HTTPError(.cancelled, "request cancelled")

    static func responseTooLarge(limit: Int) -> HTTPError {
        HTTPError(.responseTooLarge, "response exceeds the limit of \(limit) bytes; transfer aborted")
    }

    /// Whether trying the same request again later may succeed: the network or the server was
    /// unavailable, as opposed to the request, the certificate or the caller being wrong.
    public var isRetryable: Bool {
        switch kind.base {
        case .connectionRefused, .connectionFailed, .dnsFailure, .timedOut, .connectionLost: true
        case .tlsVerificationFailed, .tlsFailed, .cancelled, .responseTooLarge, .invalidURL, .unsupported,
            .transport:
            false
        }
    }

    public var description: String {
        guard let detail, !message.contains(detail) else { return message }
        return "\(message) (\(detail))"
    }
}
