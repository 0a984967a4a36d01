import Foundation

/// A person on the roster, independent of which protocol told us about them.
public struct Contact: Hashable, Sendable, Identifiable {
    public var jid: JID
    public var displayName: String
    public var presence: Presence
    public var statusText: String?
    public var groups: [String]
    /// When the presence last changed, when the server told us.
    public var presenceSince: Date?

    public var id: JID { jid }

    public init(
        jid: JID, displayName: String? = nil, presence: Presence = .unavailable, statusText: String? = nil,
        groups: [String] = [], presenceSince: Date? = nil
    ) {
        self.jid = jid.bare
        self.displayName = displayName ?? jid.local
        self.presence = presence
        self.statusText = statusText
        self.groups = groups
        self.presenceSince = presenceSince
    }
}

/// A named group of contacts on the roster.
public struct ContactGroup: Hashable, Sendable, Identifiable {
    public var name: String
    public var members: [JID]
    public var id: String { name }

    public init(name: String, members: [JID] = []) {
        self.name = name
        self.members = members
    }
}
