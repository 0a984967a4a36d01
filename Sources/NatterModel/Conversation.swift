/// Where a message lives, and on which account: a 1:1 chat, a team room, a thread, a channel or a conference.
///
/// The account is part of the identity: `bob@a.test` reached from the `work` account and from the `home` account
/// are two conversations with two histories.
public struct ConversationID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What the conversation is, with the address its protocol gives it.
    public enum Target: Hashable, Sendable {
        case direct(JID)
        case room(JID)
        /// A multi-user thread with invitations (Roster).
        case thread(String)
        /// A channel with administrators (Channels).
        case channel(String)
        /// An ad-hoc multi-party session with a subject (Conference).
        case conference(String)
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case direct
        case room
        case thread
        case channel
        case conference
    }

    public var account: AccountID
    public var target: Target

    public init(account: AccountID, target: Target) {
        self.account = account
        switch target {
        case .direct(let jid) where !jid.isBare: self.target = .direct(jid.bare)
        case .room(let jid) where !jid.isBare: self.target = .room(jid.bare)
        default: self.target = target
        }
    }

    public static func direct(_ jid: JID, account: AccountID = .default) -> ConversationID {
        ConversationID(account: account, target: .direct(jid))
    }

    public static func room(_ jid: JID, account: AccountID = .default) -> ConversationID {
        ConversationID(account: account, target: .room(jid))
    }

    public static func thread(_ id: String, account: AccountID = .default) -> ConversationID {
        ConversationID(account: account, target: .thread(id))
    }

    public static func channel(_ id: String, account: AccountID = .default) -> ConversationID {
        ConversationID(account: account, target: .channel(id))
    }

    public static func conference(_ id: String, account: AccountID = .default) -> ConversationID {
        ConversationID(account: account, target: .conference(id))
    }

    public var kind: Kind {
        switch target {
        case .direct: .direct
        case .room: .room
        case .thread: .thread
        case .channel: .channel
        case .conference: .conference
        }
    }

    /// The peer or room address for the kinds addressed by JID.
    public var jid: JID? {
        switch target {
        case .direct(let jid), .room(let jid): jid
        case .thread, .channel, .conference: nil
        }
    }

    /// The protocol's name for the conversation: a bare address or a thread, channel or conference id.
    public var address: String {
        switch target {
        case .direct(let jid), .room(let jid): jid.bareString
        case .thread(let id), .channel(let id), .conference(let id): id
        }
    }

    /// `kind:address`, unique within one account. The client keeps one cache file per account, so this is the
    /// key there: an account renamed in config.toml keeps its history.
    public var storageKey: String { "\(kind.rawValue):\(address)" }

    /// `account/kind:address`, unique across accounts.
    public var description: String { "\(account)/\(storageKey)" }

    /// Inverse of `storageKey`, for a cache that belongs to `account`.
    public init?(storageKey: String, account: AccountID) {
        guard let colon = storageKey.firstIndex(of: ":"),
            let kind = Kind(rawValue: String(storageKey[..<colon]))
        else { return nil }
        let value = String(storageKey[storageKey.index(after: colon)...])
        guard !value.isEmpty else { return nil }
        switch kind {
        case .direct, .room:
            guard let jid = JID(value) else { return nil }
            self.init(account: account, target: kind == .direct ? .direct(jid) : .room(jid))
        case .thread: self.init(account: account, target: .thread(value))
        case .channel: self.init(account: account, target: .channel(value))
        case .conference: self.init(account: account, target: .conference(value))
        }
    }

    public static func < (lhs: ConversationID, rhs: ConversationID) -> Bool {
        (lhs.account, lhs.storageKey) < (rhs.account, rhs.storageKey)
    }
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
