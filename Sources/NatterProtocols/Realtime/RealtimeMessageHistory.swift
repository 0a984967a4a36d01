/// `history` (Natter extension): asks for stored chats with a user or room, newest first, paging backwards.
public struct RealtimeHistoryRequest: Sendable, Equatable {
    public var id: String?
    /// The other party: a user JID for a 1:1 conversation, or a room JID.
    public var with: String?
    /// Return only messages older than the one with this key.
    public var before: String?
    /// Without `with`: every conversation's messages newer than this key (catch-up after a disconnect).
    public var after: String?
    public var limit: Int?

    public init(id: String? = nil, with: String? = nil, before: String? = nil, after: String? = nil, limit: Int? = nil) {
        self.id = id
        self.with = with
        self.before = before
        self.after = after
        self.limit = limit
    }
}

/// The `response` of a `history` ack: `{"messages":[chat…],"more":Bool}`, messages oldest first.
public struct RealtimeHistoryPage: Sendable, Equatable {
    public var messages: [RealtimeChat]
    /// Whether older messages exist beyond this page.
    public var more: Bool

    public init(messages: [RealtimeChat], more: Bool) {
        self.messages = messages
        self.more = more
    }
}
