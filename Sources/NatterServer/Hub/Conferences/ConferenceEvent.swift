/// What happened in a conference, in no protocol's words: the core hands one to each session of each
/// participant it concerns, and a door that speaks conferences (CWA) encodes it.
struct ConferenceEvent: Sendable, Equatable {
    enum State: Sendable, Equatable {
        /// The initiator's conference exists; nobody has accepted yet.
        case connecting
        case connected
        /// An invitation waits for the user to accept or decline it.
        case incoming
        case terminated
    }

    enum Kind: Sendable, Equatable {
        /// `from` invites the receiver; `participants` are the users already in it.
        case invited(from: String, participants: [String], subject: String?, message: ConferenceText)
        case state(State)
        case message(from: String, ConferenceText)
        case composing(from: String, isComposing: Bool)
        case joined(String)
        case left(String)
    }

    let conference: Int
    let kind: Kind
}

/// A conference message as the core keeps it: the text, and the sender's formatting as an opaque header value
/// (CWA's `X-MMS-IM-Format`) that the core passes along unread.
struct ConferenceText: Sendable, Equatable {
    var text: String
    var contentType: String?
    var format: String?
}

/// One event for every session of one user, as decided by the conference table.
struct ConferenceDelivery: Sendable, Equatable {
    let user: String
    let event: ConferenceEvent
}
