import Foundation

/// A person on the roster, merged across every account and protocol that told us about them.
///
/// Contacts are keyed by bare address. Each source keeps what it contributed, so a roster from one adapter never
/// wipes the name, groups or presence another adapter gave the same person.
public struct Contact: Hashable, Sendable, Identifiable {
    public var jid: JID
    public var displayName: String
    /// The best presence any source reports: reachable somewhere means reachable.
    public var presence: Presence
    public var statusText: String?
    /// The union of every source's groups, in first-seen order.
    public var groups: [String]
    /// A subscription request of ours that the contact has not answered yet (XMPP's `ask="subscribe"`).
    public var awaitingAuthorization: Bool = false
    /// When the presence last changed, when the server told us.
    public var presenceSince: Date?
    /// Who told us about this contact, in account and protocol order.
    public var sources: [ContactSource]

    public var id: JID { jid }

    public init(
        jid: JID, displayName: String? = nil, presence: Presence = .unavailable, statusText: String? = nil,
        groups: [String] = [], presenceSince: Date? = nil, sources: [ContactSource] = []
    ) {
        self.jid = jid.bare
        self.displayName = displayName ?? jid.local
        self.presence = presence
        self.statusText = statusText
        self.groups = groups
        self.presenceSince = presenceSince
        self.sources = sources
    }

    /// Where a chat with this contact opens: the first account that has them on its roster, else the first that
    /// has seen them at all.
    public var preferredAccount: AccountID? {
        (sources.first { $0.onRoster } ?? sources.first)?.account
    }

    /// The accounts this contact is reachable from, in account order.
    public var accounts: [AccountID] {
        var seen: [AccountID] = []
        for source in sources where !seen.contains(source.account) { seen.append(source.account) }
        return seen
    }
}

/// What one adapter of one account knows about a contact.
public struct ContactSource: Hashable, Sendable {
    public var account: AccountID
    public var protocolKind: ProtocolKind
    /// Whether the contact is on this source's roster, rather than only seen in a presence or a message.
    public var onRoster: Bool
    public var name: String?
    public var groups: [String]
    public var presence: Presence
    public var statusText: String?
    /// The protocol's own handle for the entry (an EWS PersonaId and ChangeKey, a Zimbra subscription state);
    /// only its adapter reads it.
    public var reference: String?
    /// This source's list says our subscription request is still unanswered.
    public var awaitingAuthorization = false

    public init(
        account: AccountID, protocolKind: ProtocolKind, onRoster: Bool = true, name: String? = nil,
        groups: [String] = [], presence: Presence = .unavailable, statusText: String? = nil, reference: String? = nil
    ) {
        self.account = account
        self.protocolKind = protocolKind
        self.onRoster = onRoster
        self.name = name
        self.groups = groups
        self.presence = presence
        self.statusText = statusText
        self.reference = reference
    }

    public var key: SourceKey { SourceKey(account: account, protocolKind: protocolKind) }
}

/// One adapter: an account and the protocol it speaks there.
public struct SourceKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var account: AccountID
    public var protocolKind: ProtocolKind

    public init(account: AccountID, protocolKind: ProtocolKind) {
        self.account = account
        self.protocolKind = protocolKind
    }

    public var description: String { "\(account)/\(protocolKind.rawValue)" }

    public static func < (lhs: SourceKey, rhs: SourceKey) -> Bool {
        (lhs.account, lhs.protocolKind) < (rhs.account, rhs.protocolKind)
    }
}

/// A named group of contacts on the roster, as the union of every source's groups shows it.
public struct ContactGroup: Hashable, Sendable, Identifiable {
    public var name: String
    public var members: [JID]
    public var id: String { name }

    public init(name: String, members: [JID] = []) {
        self.name = name
        self.members = members
    }
}
