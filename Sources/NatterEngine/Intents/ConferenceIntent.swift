import Foundation
import NatterModel

public enum ConferenceIntent: Sendable, Equatable {
    /// Invites `with` to a new conference about `subject`, opening with `message`.
    case start(subject: String, with: [JID], message: String, account: AccountID)
    case invite(ConversationID, JID)
    /// Only the conference's initiator may; the server says no to anyone else.
    case eject(ConversationID, JID)
    /// Answers a pending invitation.
    case accept(ConversationID)
    case decline(ConversationID)
    case leave(ConversationID)
}
