import NatterWire

/// `chat` (and `chat_updated`): a message to a user or a team room.
public struct RealtimeChat: Sendable, Equatable {
    public var id: String?
    public var to: String
    public var from: String?
    public var text: String
    /// The server's identifier for the message, used to edit or delete it.
    public var key: String?
    /// Integration data the protocol does not define; kept verbatim.
    public var extras: [String: JSONValue]?
    /// `createSource.displayName`: how the sender should be shown.
    public var displayName: String?
    /// ISO 8601 time the server accepted the message.
    public var received: String?

    public init(
        id: String? = nil, to: String, from: String? = nil, text: String, key: String? = nil,
        extras: [String: JSONValue]? = nil, displayName: String? = nil, received: String? = nil
    ) {
        self.id = id
        self.to = to
        self.from = from
        self.text = text
        self.key = key
        self.extras = extras
        self.displayName = displayName
        self.received = received
    }
}

/// `chat_deleted`: names a chat by its key.
public struct RealtimeChatRef: Sendable, Equatable {
    public var id: String?
    public var key: String
    public var to: String?
    public var from: String?

    public init(id: String? = nil, key: String, to: String? = nil, from: String? = nil) {
        self.id = id
        self.key = key
        self.to = to
        self.from = from
    }
}
