import NatterModel

/// `presence_change`: sent bare by a client; the server adds `from` (full JID) and `to`.
public struct RealtimePresence: Sendable, Equatable {
    public var id: String?
    public var from: String?
    public var to: String?
    public var presence: Presence
    /// ISO 8601; only on the initial burst after a client's first presence, meaning "since when".
    public var received: String?
    /// Free text beside the presence ("lunch"). The seed has no such property; Natter adds `status`, the name
    /// XMPP (which Ryver's presence is built on) gives it, and a peer that does not know it ignores it.
    public var status: String?

    public init(
        id: String? = nil, from: String? = nil, to: String? = nil, presence: Presence, received: String? = nil,
        status: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.presence = presence
        self.received = received
        self.status = status
    }
}

/// `user_typing`.
public struct RealtimeTyping: Sendable, Equatable {
    public enum State: String, Sendable, Equatable {
        case composing
        case done
    }

    public var id: String?
    public var from: String?
    public var to: String
    /// Absent on the wire means `composing`, which is all the seed knows about.
    public var state: State

    public init(id: String? = nil, from: String? = nil, to: String, state: State = .composing) {
        self.id = id
        self.from = from
        self.to = to
        self.state = state
    }
}

/// `team_join` / `team_leave`.
public struct RealtimeRoomRequest: Sendable, Equatable {
    public var id: String?
    public var to: String

    public init(id: String? = nil, to: String) {
        self.id = id
        self.to = to
    }
}
