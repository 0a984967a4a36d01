import Foundation
import NatterModel

/// Everything the front end shows, as one immutable value. The reducer is the only writer.
public struct ClientState: Sendable {
    /// Every configured account, connected or not.
    public var accounts: [AccountID: AccountState]
    /// One roster across accounts, keyed by bare address; each contact keeps what each source said.
    public var contacts: [JID: Contact]
    public var conversations: [ConversationID: Conversation]
    /// Which protocol of its account a conversation belongs to, once an adapter has spoken for it.
    public var owners: [ConversationID: ProtocolKind]
    public var rooms: [ConversationID: RoomInfo]
    public var channels: [ConversationID: Channel]
    /// Receipts owed and received per channel (`ChannelReceipts`).
    public var channelReceipts: [ConversationID: ChannelReceipts] = [:]
    /// Status lines per room window (joins, parts, presence changes, `/who`), oldest first.
    public var roomStatus: [ConversationID: [Notice]] = [:]
    /// Conference invitations waiting for accept or decline.
    public var invitations: [ConversationID: ConferenceInvitation] = [:]
    /// Thread invitations waiting for `/join`.
    public var threadInvitations: [ConversationID: ThreadInvitation] = [:]
    /// Who each adapter's latest roster listed, so the next one can drop exactly the ones it no longer lists.
    public var rosterEntries: [SourceKey: [JID]]
    /// The groups each adapter's list has, including groups no contact is in yet.
    public var rosterGroups: [SourceKey: [String]] = [:]
    /// Subscription requests not yet answered, per account.
    public var subscriptionRequests: [AccountID: Set<JID>] = [:]
    /// The gateway services of each account and their registrations, kept current by `gwStatus`.
    public var gateways: [AccountID: [GatewayStatus]] = [:]
    /// Open windows in the order the user opened them; the console is always first.
    public var windows: [WindowID]
    public var activeWindow: WindowID
    public var console: [Notice]
    /// The newest notice, shown in the status bar until something replaces it.
    public var statusNotice: Notice?
    /// When each typist's indicator lapses if no `done` arrives (peers can vanish mid-sentence).
    public var typingDeadlines: [TypingKey: Date]
    public var isQuitting: Bool
    /// The server key of the newest message read in each conversation, on any of the user's clients.
    public var readMarkers: [ConversationID: String] = [:]
    /// Where each window draws its unread line: the read marker as it was when the window was last entered, so
    /// the line stays put while the user reads on.
    public var unreadLines: [ConversationID: String] = [:]
    /// Bumped on every change so views can skip work when nothing moved.
    public var revision: UInt64

    public struct TypingKey: Hashable, Sendable {
        public var conversation: ConversationID
        public var user: JID
        public init(conversation: ConversationID, user: JID) {
            self.conversation = conversation
            self.user = user
        }
    }

    public static let consoleLimit = 500

    public init(accounts: [AccountState]) {
        self.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.contacts = [:]
        self.conversations = [:]
        self.owners = [:]
        self.rooms = [:]
        self.channels = [:]
        self.rosterEntries = [:]
        self.windows = [.console]
        self.activeWindow = .console
        self.console = []
        self.statusNotice = nil
        self.typingDeadlines = [:]
        self.isQuitting = false
        self.revision = 0
    }

    /// One account called `default` in `domain`: what `--server`/`--user` and the tests use.
    public init(domain: String) {
        self.init(accounts: [AccountState(id: .default, domain: domain)])
    }

    /// Accounts in name order, the order `/accounts` and the status bar use.
    public var sortedAccounts: [AccountState] { accounts.values.sorted { $0.id < $1.id } }

    /// Whether windows must say which account they belong to.
    public var hasSeveralAccounts: Bool { accounts.count > 1 }

    /// The account a command typed now is for: the active window's, else the first one.
    public var currentAccount: AccountID {
        activeWindow.conversationID?.account ?? sortedAccounts.first?.id ?? .default
    }

    public func domain(of account: AccountID) -> String {
        accounts[account].map { $0.identity?.domain ?? $0.domain } ?? "natter.test"
    }

    /// The 1:1 chat with `jid`: on the first account that has them as a contact, else on the current account.
    public func directConversation(with jid: JID) -> ConversationID {
        let account = contacts[jid.bare]?.preferredAccount ?? currentAccount
        return .direct(jid, account: account)
    }

    public var activeConversation: Conversation? {
        activeWindow.conversationID.flatMap { conversations[$0] }
    }

    /// Contacts in display order: online first, then by lowercased name, then address — the order the TUI's
    /// incremental roster keeps, so `natter roster` lists people the way the screen shows them.
    public var sortedContacts: [Contact] {
        contacts.values.map { (contact: $0, name: TextSanitizer.line($0.displayName).lowercased()) }
            .sorted { lhs, rhs in
                let left = lhs.contact
                let right = rhs.contact
                if left.presence.sortRank != right.presence.sortRank {
                    return left.presence.sortRank < right.presence.sortRank
                }
                return lhs.name != rhs.name ? lhs.name < rhs.name : left.jid < right.jid
            }
            .map(\.contact)
    }

    /// Groups as the merged roster has them, by name, with their members by address.
    public var contactGroups: [ContactGroup] {
        var members: [String: [JID]] = [:]
        for contact in contacts.values {
            for group in contact.groups { members[group, default: []].append(contact.jid) }
        }
        return members.keys.sorted().map { ContactGroup(name: $0, members: members[$0]!.sorted()) }
    }

    /// Every group name any source lists or any contact is in, once each (ignoring case), by name.
    public var groupNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        let listed = rosterGroups.keys.sorted().flatMap { rosterGroups[$0]! }
        for name in listed + contacts.values.flatMap(\.groups) where seen.insert(name.lowercased()).inserted {
            names.append(name)
        }
        return names.sorted { $0.lowercased() < $1.lowercased() }
    }

    public var totalUnread: Int { conversations.values.reduce(0) { $0 + $1.unread } }

    /// A human title for a window, used by the status bar and window list.
    public func title(of window: WindowID) -> String {
        switch window {
        case .console: "console"
        case .gateways: "gateways"
        case .conversation(let id): conversations[id]?.title ?? id.address
        }
    }

    /// Others by their roster name; ourselves by the nick our own messages carry, so every list agrees with
    /// the chat lines.
    public func displayName(of jid: JID) -> String {
        if isOwnAddress(jid) { return jid.local }
        return contacts[jid.bare]?.displayName ?? jid.local
    }

    /// Our nick on `account`: the local part of the address we are signed in as, as our chat lines show it.
    public func ownNick(on account: AccountID) -> String {
        accounts[account]?.identity?.local ?? "me"
    }

    /// Whether `jid` is us on any account.
    public func isOwnAddress(_ jid: JID) -> Bool {
        accounts.values.contains { $0.identity?.bare == jid.bare }
    }
}
