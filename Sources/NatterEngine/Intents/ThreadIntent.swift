import Foundation
import NatterModel

/// Multi-user threads (the Zimbra IM adapter carries them). Messages in a thread go as `ChatIntent.send` to its
/// `ConversationID`; closing a thread's window leaves the thread.
public enum ThreadIntent: Sendable, Equatable {
    /// Invites `user` with an invitation text. From a thread window into that thread; from a 1:1 window into a
    /// new thread with that chat's peer; from anywhere else into a new thread of the two of us.
    case invite(JID, text: String, from: ConversationID?, account: AccountID)
    /// Accepts a pending invitation.
    case join(ConversationID)
    case leave(ConversationID)
}
