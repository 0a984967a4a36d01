/// Where a message lives: a 1:1 chat, a team room, or a channel.
public enum ConversationID: Hashable, Sendable, Comparable, CustomStringConvertible {
    case direct(JID)
    case room(JID)
    case channel(String)

    public var description: String {
        switch self {
        case .direct(let jid): "direct:\(jid.bareString)"
        case .room(let jid): "room:\(jid.bareString)"
        case .channel(let id): "channel:\(id)"
        }
    }

    /// Inverse of `description`, used as the key in the client's SQLite cache.
    public init?(storageKey: String) {
        guard let colon = storageKey.firstIndex(of: ":") else { return nil }
        let kind = storageKey[..<colon]
        let value = String(storageKey[storageKey.index(after: colon)...])
        switch kind {
        case "direct": guard let jid = JID(value) else { return nil }; self = .direct(jid.bare)
        case "room": guard let jid = JID(value) else { return nil }; self = .room(jid.bare)
        case "channel" where !value.isEmpty: self = .channel(value)
        default: return nil
        }
    }

    public var jid: JID? {
        switch self {
        case .direct(let jid), .room(let jid): jid
        case .channel: nil
        }
    }

    public static func < (lhs: ConversationID, rhs: ConversationID) -> Bool { lhs.description < rhs.description }
}

/// One open window's worth of chat: its messages, who is typing, and what has not been read.
public struct Conversation: Hashable, Sendable, Identifiable {
    public var id: ConversationID
    public var title: String
    public var messages: [Message]
    public var unread: Int
    /// Users currently composing here, with no protocol detail.
    public var typing: Set<JID>
    /// Rooms and channels only: who is present.
    public var occupants: Set<JID>
    /// Whether older history may exist on the server beyond `messages`.
    public var hasMoreHistory: Bool
    /// A history request is in flight, so the view can say "loading" and scripts can wait for it.
    public var isLoadingHistory: Bool

    public init(
        id: ConversationID, title: String, messages: [Message] = [], unread: Int = 0, typing: Set<JID> = [],
        occupants: Set<JID> = [], hasMoreHistory: Bool = true
    ) {
        self.id = id
        self.title = title
        self.messages = messages
        self.unread = unread
        self.typing = typing
        self.occupants = occupants
        self.hasMoreHistory = hasMoreHistory
        self.isLoadingHistory = false
    }
}
