import NatterModel

/// Work for one protocol adapter, produced by the reducer and routed to exactly one adapter of one account.
///
/// The vocabulary is split by feature; an adapter handles the features its capabilities declare and ignores the
/// rest (the engine never routes those to it).
public enum AdapterCommand: Sendable, Equatable {
    case chat(ChatCommand)
    case presence(PresenceCommand)
    case rooms(RoomCommand)
    case roster(RosterCommand)
    case groups(GroupCommand)
    case channels(ChannelCommand)
    case conferences(ConferenceCommand)
}

public enum ChatCommand: Sendable, Equatable {
    case send(localID: String, to: ConversationID, text: String)
    case typing(ConversationID, composing: Bool)
    case fetchHistory(ConversationID, before: String?, limit: Int)
    /// Everything newer than the adapter's own cursor across all conversations: what arrived while away.
    case catchUp(after: ResumeCursor, limit: Int)
}

public enum PresenceCommand: Sendable, Equatable {
    case set(Presence, status: String?)
}

public enum RoomCommand: Sendable, Equatable {
    case join(JID)
    case leave(JID)
}

public enum RosterCommand: Sendable, Equatable {
    case add(JID, name: String?, groups: [String])
    case remove(JID)
    case rename(JID, name: String)
}

public enum GroupCommand: Sendable, Equatable {
    case assign(JID, groups: [String])
    case rename(from: String, to: String)
    case delete(String)
}

public enum ChannelCommand: Sendable, Equatable {
    case join(String)
    case leave(String)
    case setRole(channel: String, member: JID, role: Member.Role)
}

public enum ConferenceCommand: Sendable, Equatable {
    case start(subject: String, with: [JID])
    case invite(conference: String, JID)
    case leave(String)
}

extension AdapterCommand {
    /// What an adapter must be able to do to receive this command.
    public var capability: Capability {
        switch self {
        case .chat(.send(_, let to, _)), .chat(.fetchHistory(let to, _, _)): to.kind.capability
        case .chat(.typing): .typing
        case .chat(.catchUp): .chat
        case .presence: .presence
        case .rooms: .rooms
        case .roster, .groups: .roster
        case .channels: .channels
        case .conferences: .conferences
        }
    }
}
