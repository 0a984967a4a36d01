/// What an adapter can do for its account (DESIGN.md, "Accounts and the roles of the five protocols").
///
/// The engine routes every command by capability: to the adapter that owns the conversation, else to the account's
/// first adapter, in `preferredProtocols` order, that declares the capability.
public enum Capability: String, Sendable, Hashable, CaseIterable, Codable {
    case chat
    case typing
    case rooms
    case presence
    /// The buddy list: groups and contacts, edited.
    case roster
    case subscriptions
    case threads
    case channels
    case conferences
    /// Bridges onto other chat servers (Zimbra IM gateways).
    case gateways

    /// The table's order of preference on a natterd account; protocols not listed cannot provide the capability.
    public var preferredProtocols: [ProtocolKind] {
        switch self {
        case .chat, .typing, .rooms: [.realtime, .roster]
        case .presence: [.realtime, .roster, .channels]
        case .roster: [.contactStore, .roster]
        case .subscriptions, .threads, .gateways: [.roster]
        case .channels: [.channels]
        case .conferences: [.conference]
        }
    }

    /// How a notice names it: "work cannot do channels".
    public var label: String {
        switch self {
        case .chat: "1:1 chat"
        case .typing: "typing notifications"
        case .rooms: "team rooms"
        case .presence: "presence"
        case .roster: "buddy-list editing"
        case .subscriptions: "subscriptions"
        case .threads: "threads"
        case .channels: "channels"
        case .conferences: "conferences"
        case .gateways: "gateways"
        }
    }
}

extension ConversationID.Kind {
    /// The capability that sending into a conversation of this kind needs.
    public var capability: Capability {
        switch self {
        case .direct: .chat
        case .room: .rooms
        case .thread: .threads
        case .channel: .channels
        case .conference: .conferences
        }
    }
}
