import Foundation
import NatterModel

/// Everything the front end shows, as one immutable value. The reducer is the only writer.
public struct ClientState: Sendable {
    /// Our own address once authenticated (full JID, with resource).
    public var account: JID?
    public var domain: String
    public var connection: ConnectionState
    /// True once the server has sent the roster and initial presences after the latest login.
    public var isSynchronized: Bool
    public var myPresence: Presence
    public var contacts: [JID: Contact]
    public var conversations: [ConversationID: Conversation]
    public var rooms: [JID: RoomInfo]
    /// Open windows in the order the user opened them; the console is always first.
    public var windows: [WindowID]
    public var activeWindow: WindowID
    public var console: [Notice]
    /// The newest notice, shown in the status bar until something replaces it.
    public var statusNotice: Notice?
    /// When each typist's indicator lapses if no `done` arrives (peers can vanish mid-sentence).
    public var typingDeadlines: [TypingKey: Date]
    public var isQuitting: Bool
    /// The newest server key seen, where catch-up resumes after a reconnect.
    public var newestServerKey: String?
    /// Catch-up pages fetched since the last login; bounded so a months-old cache does not page forever.
    public var catchUpPages: Int
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

    public init(domain: String) {
        self.account = nil
        self.domain = domain
        self.connection = .offline(reason: nil)
        self.isSynchronized = false
        self.myPresence = .available
        self.contacts = [:]
        self.conversations = [:]
        self.rooms = [:]
        self.windows = [.console]
        self.activeWindow = .console
        self.console = []
        self.statusNotice = nil
        self.typingDeadlines = [:]
        self.isQuitting = false
        self.newestServerKey = nil
        self.catchUpPages = 0
        self.revision = 0
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

    public var totalUnread: Int { conversations.values.reduce(0) { $0 + $1.unread } }

    /// A human title for a window, used by the status bar and window list.
    public func title(of window: WindowID) -> String {
        switch window {
        case .console: "console"
        case .conversation(let id): conversations[id]?.title ?? id.description
        }
    }

    public func displayName(of jid: JID) -> String {
        if let account, jid.bare == account.bare { return "me" }
        return contacts[jid.bare]?.displayName ?? jid.local
    }
}
