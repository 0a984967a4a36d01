import NatterModel

/// One entry of a `roster` ack's `response.contacts` (Natter extension).
public struct RealtimeRosterContact: Sendable, Equatable {
    public var jid: String
    public var name: String
    public var presence: Presence
    public var groups: [String]
    public var status: String?

    public init(jid: String, name: String, presence: Presence, groups: [String] = [], status: String? = nil) {
        self.jid = jid
        self.name = name
        self.presence = presence
        self.groups = groups
        self.status = status
    }
}

/// One entry of a `team_list` ack's `response.teams` (Natter extension).
public struct RealtimeTeam: Sendable, Equatable {
    public var jid: String
    public var name: String
    /// Whether this connection is currently joined to the room.
    public var joined: Bool

    public init(jid: String, name: String, joined: Bool = false) {
        self.jid = jid
        self.name = name
        self.joined = joined
    }
}
