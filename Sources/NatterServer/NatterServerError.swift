/// Failures of the server as a whole (as opposed to one request).
public struct NatterServerError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case notStarted
    }

    private let kind: Kind

    /// The listener stopped before reporting a bound address.
    public static let notStarted = NatterServerError(kind: .notStarted)

    public var description: String {
        switch kind {
        case .notStarted: "the server stopped before it started listening"
        }
    }
}
