/// Failures of the server as a whole (as opposed to one request).
public struct NatterServerError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case notStarted
        case tls(String)
    }

    private let kind: Kind

    /// The listener stopped before reporting a bound address.
    public static let notStarted = NatterServerError(kind: .notStarted)
    /// The TLS certificate or key could not be loaded.
    static func tls(_ detail: String) -> NatterServerError { NatterServerError(kind: .tls(detail)) }

    public var description: String {
        switch kind {
        case .notStarted: "the server stopped before it started listening"
        case .tls(let detail): detail
        }
    }
}
