/// A channel (Cloudonix API.Messaging): a named group conversation with administrators.
public struct Channel: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var topic: String?
    public var members: [Member]

    public init(id: String, name: String, topic: String? = nil, members: [Member] = []) {
        self.id = id
        self.name = name
        self.topic = topic
        self.members = members
    }
}

/// A member of a channel or room and what they may do there.
public struct Member: Hashable, Sendable, Identifiable {
    public enum Role: String, Sendable, Hashable, Codable {
        case admin
        case member
    }

    public var jid: JID
    public var role: Role
    public var presence: Presence
    public var id: JID { jid }

    public init(jid: JID, role: Role = .member, presence: Presence = .unavailable) {
        self.jid = jid.bare
        self.role = role
        self.presence = presence
    }
}
