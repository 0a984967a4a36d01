/// `history` (Natter extension): asks for stored chats.
///
/// With `with`: one conversation, newest page first, paging backwards with `before` (or forwards from
/// `after`). With `after` alone: catch-up, every message newer than `after` across all of the requester's
/// conversations, oldest first. At least one of the two is present.
public struct RealtimeHistoryRequest: Sendable, Equatable {
    public var id: String?
    /// The other party: a user JID for a 1:1 conversation, or a room JID; `nil` for catch-up.
    public var with: String?
    /// Return only messages older than the one with this key.
    public var before: String?
    /// Return only messages newer than the one with this key, oldest first.
    public var after: String?
    public var limit: Int?

    public init(id: String? = nil, with: String?, before: String? = nil, after: String? = nil, limit: Int? = nil) {
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
    /// Whether more messages exist beyond this page: older ones, or with `after` newer ones.
    public var more: Bool

    public init(messages: [RealtimeChat], more: Bool) {
        self.messages = messages
        self.more = more
    }
}
