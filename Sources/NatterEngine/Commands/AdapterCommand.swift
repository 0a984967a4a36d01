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
    case subscriptions(SubscriptionCommand)
    case channels(ChannelCommand)
    case conferences(ConferenceCommand)
    case threads(ThreadCommand)
    case gateways(GatewayCommand)
}

extension AdapterCommand {
    /// What an adapter must be able to do to receive this command.
    public var capability: Capability {
        switch self {
        case .chat(.send(_, let to, _)), .chat(.fetchHistory(let to, _, _)), .chat(.markRead(let to, _)),
            .chat(.edit(let to, _, _)), .chat(.delete(let to, _)):
            to.kind.capability
        // Whoever carries a thread carries typing in it (Zimbra IM next to Realtime, which has no threads).
        case .chat(.typing(let id, _)) where id.kind == .thread: .threads
        case .chat(.typing): .typing
        case .chat(.catchUp): .chat
        case .presence: .presence
        case .rooms: .rooms
        case .roster, .groups: .roster
        case .subscriptions: .subscriptions
        case .channels: .channels
        case .conferences: .conferences
        case .threads: .threads
        case .gateways: .gateways
        }
    }
}
