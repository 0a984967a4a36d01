/// Why the door refused a client message: the `reason` of its `status:false` ack.
struct ChannelsError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case unknownChannel(String)
        case notMember(String)
        case notAdministrator(action: String)
        case unknownRecipient(String)
        case notAMember(recipient: String)
        case emptyMessageID
        case unknownMessage(String)
        case invalidStatus(String)
        case serverError
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    static func unknownChannel(_ id: String) -> Self { .init(.unknownChannel(id)) }
    static func notMember(_ id: String) -> Self { .init(.notMember(id)) }
    /// `action` completes "only administrators may …".
    static func notAdministrator(_ action: String) -> Self { .init(.notAdministrator(action: action)) }
    static func unknownRecipient(_ address: String) -> Self { .init(.unknownRecipient(address)) }
    static func notAMember(recipient: String) -> Self { .init(.notAMember(recipient: recipient)) }
    static let emptyMessageID = Self(.emptyMessageID)
    static func unknownMessage(_ id: String) -> Self { .init(.unknownMessage(id)) }
    static func invalidStatus(_ status: String) -> Self { .init(.invalidStatus(status)) }
    static let serverError = Self(.serverError)

    var description: String {
        switch kind {
        case .unknownChannel(let id): "unknown channel '\(id)'"
        case .notMember(let id): "not a member of channel '\(id)'"
        case .notAdministrator(let action): "only administrators may \(action)"
        case .unknownRecipient(let address): "unknown recipient '\(address)'"
        case .notAMember(let recipient): "'\(recipient)' is not a member of the channel"
        case .emptyMessageID: "message-id must not be empty"
        case .unknownMessage(let id): "unknown message '\(id)' in this channel"
        case .invalidStatus(let status): "status '\(status)' is the server's; send 'displayed' or 'read'"
        case .serverError: "internal server error"
        }
    }
}
