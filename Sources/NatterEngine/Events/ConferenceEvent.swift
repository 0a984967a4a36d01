import Foundation
import NatterModel

public enum ConferenceEvent: Sendable, Equatable {
    /// We are in the conference: one we started, or an invitation we accepted.
    case started(id: String, subject: String, participants: [JID])
    /// Someone invites us; it waits for accept or decline.
    case invited(ConferenceInvitation)
    case participant(conference: String, JID, joined: Bool)
    case ended(String)
}

/// An invitation to a conference, as the status bar and the console show it until it is answered.
public struct ConferenceInvitation: Sendable, Hashable {
    public var conference: String
    public var from: JID
    public var subject: String?
    /// The first message of the conference.
    public var message: String
    /// Who is already in it.
    public var participants: [JID]

    public init(conference: String, from: JID, subject: String?, message: String, participants: [JID]) {
        self.conference = conference
        self.from = from.bare
        self.subject = subject
        self.message = message
        self.participants = participants.map(\.bare)
    }
}
