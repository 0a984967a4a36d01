import Foundation
import NatterModel

/// What a protocol adapter learned, in domain terms and split by feature. Adapters never hand the engine wire
/// formats, and never name their account: the engine stamps every event with the account and protocol of the
/// adapter that sent it.
public enum EngineEvent: Sendable, Equatable {
    case session(SessionEvent)
    case chat(ChatEvent)
    case presence(PresenceEvent)
    case rooms(RoomEvent)
    case roster(RosterEvent)
    case channels(ChannelEvent)
    case conferences(ConferenceEvent)
}

/// The adapter's own link: attach, connection, login, the end of the initial burst, and where to resume.
public enum SessionEvent: Sendable, Equatable {
    /// The engine attached the adapter with these capabilities; sent by `EngineStore`, not by adapters.
    case attached(Set<Capability>)
    /// The adapter was stopped (`/disconnect`, shutdown); sent by `EngineStore`.
    case detached
    case connection(ConnectionState)
    case authenticated(JID)
    /// The initial burst after login (roster, presences) is complete: scripts may read the roster now.
    case synchronized
    /// The adapter's resume point moved; the engine keeps it and hands it back in `catchUp`.
    case resumeCursor(ResumeCursor)
    case notice(Notice)
}

public enum ChatEvent: Sendable, Equatable {
    case received(Message)
    case acked(localID: String, serverKey: String?, timestamp: Date?)
    case failed(localID: String, reason: String)
    case edited(serverKey: String, text: String)
    case deleted(serverKey: String)
    case typing(ConversationID, JID, Bool)
    case historyLoaded(ConversationID, [Message], hasMore: Bool)
    case historyFailed(ConversationID, reason: String)
    /// Messages that arrived while disconnected, oldest first.
    case caughtUp([Message], hasMore: Bool)
}

public enum PresenceEvent: Sendable, Equatable {
    case changed(JID, Presence, status: String?, since: Date?)
}

public enum RoomEvent: Sendable, Equatable {
    case listed([RoomInfo])
    case joined(JID)
    case occupant(room: JID, user: JID, Presence)
}

public enum RosterEvent: Sendable, Equatable {
    /// This adapter's whole roster: replaces what it contributed before, and only that.
    case loaded([Contact])
}

public enum ChannelEvent: Sendable, Equatable {
    case listed([Channel])
    case member(channel: String, Member)
    case left(String)
}

public enum ConferenceEvent: Sendable, Equatable {
    case started(id: String, subject: String, participants: [JID])
    case participant(conference: String, JID, joined: Bool)
    case ended(String)
}
