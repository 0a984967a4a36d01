import Foundation
import NatterModel

/// What a protocol adapter learned, in domain terms. Adapters never hand the engine wire formats.
public enum EngineEvent: Sendable, Equatable {
    case connection(ConnectionState)
    case authenticated(JID)
    /// The initial burst after login (roster, presences) is complete: scripts may read the roster now.
    case synchronized
    case rosterLoaded([Contact])
    case presence(JID, Presence, since: Date?)
    case messageReceived(Message)
    case messageAcked(localID: String, serverKey: String?, timestamp: Date?)
    case messageFailed(localID: String, reason: String)
    case messageEdited(serverKey: String, text: String)
    case messageDeleted(serverKey: String)
    case typing(ConversationID, JID, Bool)
    case roomsListed([RoomInfo])
    case roomJoined(JID)
    case roomOccupant(room: JID, user: JID, Presence)
    case historyLoaded(ConversationID, [Message], hasMore: Bool)
    case historyFailed(ConversationID, reason: String)
    /// Messages that arrived while disconnected, oldest first.
    case caughtUp([Message], hasMore: Bool)
    case notice(Notice)
    /// Time passed: lapses typing indicators and refreshes countdowns.
    case tick(Date)
}
