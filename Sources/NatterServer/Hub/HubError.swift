/// Why the core refused a request, in terms every door can map to its own error codes.
struct HubError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case invalidArgument
        case serverError
    }

    private let kind: Kind
    /// Safe to show the client: names what was wrong with its request, never internals.
    let text: String

    /// The request named something that does not exist, or is not allowed for this user.
    static func invalidArgument(_ text: String) -> HubError { HubError(kind: .invalidArgument, text: text) }

    /// Storage failed; the detail is logged, the client hears only this.
    static let serverError = HubError(kind: .serverError, text: "internal server error")

    var isInvalidArgument: Bool { kind == .invalidArgument }

    var description: String { text }
}
