/// Why the core refused a conference request; `code` is the short kind a door puts on the wire.
struct ConferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: String, Sendable, Equatable {
        case unknownConference
        case notParticipant
        case notInitiator
        case unknownUser
        case invalidUri
        case userOffline
        case emptyMessage
        case alreadyParticipant
        case serverError
    }

    private let kind: Kind
    /// Safe to show the client.
    let text: String

    private init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    static func unknownConference(_ id: Int) -> Self { .init(.unknownConference, "no conference \(id)") }
    static func notParticipant(_ id: Int) -> Self { .init(.notParticipant, "not a participant of conference \(id)") }
    static func notInitiator(_ id: Int) -> Self {
        .init(.notInitiator, "only the initiator may eject from conference \(id)")
    }
    static func unknownUser(_ address: String) -> Self { .init(.unknownUser, "\(address) is not a known user") }
    static func invalidURI(_ uri: String) -> Self { .init(.invalidUri, "\(uri) is not a sip: URI") }
    static func userOffline(_ address: String) -> Self { .init(.userOffline, "\(address) is not online") }
    static let emptyMessage = Self(.emptyMessage, "the message has no content")
    static func alreadyParticipant(_ user: String) -> Self {
        .init(.alreadyParticipant, "\(user) is already in the conference")
    }
    static let serverError = Self(.serverError, "internal server error")

    var code: String { kind.rawValue }

    var description: String { text }
}
