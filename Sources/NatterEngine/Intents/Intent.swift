import Foundation
import NatterModel

/// What the user asked for, in domain terms and split by feature. The front end produces these; the reducer turns
/// them into effects, routed to one adapter of one account.
public enum Intent: Sendable, Equatable {
    case chat(ChatIntent)
    case presence(PresenceIntent)
    case rooms(RoomIntent)
    case roster(RosterIntent)
    case groups(GroupIntent)
    case channels(ChannelIntent)
    case conferences(ConferenceIntent)
    case accounts(AccountIntent)
    case windows(WindowIntent)
    case notice(Notice)
    case clearConsole
    /// Time passed: lapses typing indicators and refreshes countdowns.
    case tick(Date)
    case quit
}

public enum ChatIntent: Sendable, Equatable {
    case send(text: String, to: ConversationID)
    /// The user is (or stopped) typing in a conversation.
    case composing(ConversationID, Bool)
    case loadOlderHistory(ConversationID)
}

public enum PresenceIntent: Sendable, Equatable {
    /// On one account, or on every account when nil.
    case set(Presence, status: String?, account: AccountID?)
}

public enum RoomIntent: Sendable, Equatable {
    case join(JID, account: AccountID)
    case leave(JID, account: AccountID)
}

public enum RosterIntent: Sendable, Equatable {
    case add(JID, name: String?, groups: [String], account: AccountID)
    case remove(JID, account: AccountID)
    case rename(JID, name: String, account: AccountID)
}

public enum GroupIntent: Sendable, Equatable {
    case assign(JID, groups: [String], account: AccountID)
    case rename(from: String, to: String, account: AccountID)
    case delete(String, account: AccountID)
}

public enum ChannelIntent: Sendable, Equatable {
    case join(ConversationID)
    case leave(ConversationID)
    case setRole(ConversationID, member: JID, role: Member.Role)
}

public enum ConferenceIntent: Sendable, Equatable {
    case start(subject: String, with: [JID], account: AccountID)
    case invite(ConversationID, JID)
    case leave(ConversationID)
}

public enum AccountIntent: Sendable, Equatable {
    case connect(AccountID)
    case disconnect(AccountID)
}

public enum WindowIntent: Sendable, Equatable {
    case open(ConversationID)
    case close(WindowID)
    case activate(WindowID)
    /// Alt+1..9: the n-th window, 1-based.
    case activateNumber(Int)
    case activateNext
    case activatePrevious
    /// Alt+a: the next window with unread messages.
    case activateNextUnread
}

/// The spellings the front ends use most, so call sites read as before the split.
extension Intent {
    public static func send(text: String, to id: ConversationID) -> Intent { .chat(.send(text: text, to: id)) }
    public static func composing(_ id: ConversationID, _ composing: Bool) -> Intent { .chat(.composing(id, composing)) }
    public static func loadOlderHistory(_ id: ConversationID) -> Intent { .chat(.loadOlderHistory(id)) }
    public static func openConversation(_ id: ConversationID) -> Intent { .windows(.open(id)) }
    public static func closeWindow(_ window: WindowID) -> Intent { .windows(.close(window)) }
    public static func activate(_ window: WindowID) -> Intent { .windows(.activate(window)) }
    public static func activateNumber(_ number: Int) -> Intent { .windows(.activateNumber(number)) }
    public static var activateNext: Intent { .windows(.activateNext) }
    public static var activatePrevious: Intent { .windows(.activatePrevious) }
    public static var activateNextUnread: Intent { .windows(.activateNextUnread) }
    public static func joinRoom(_ room: JID, account: AccountID = .default) -> Intent {
        .rooms(.join(room, account: account))
    }
    public static func leaveRoom(_ room: JID, account: AccountID = .default) -> Intent {
        .rooms(.leave(room, account: account))
    }
    public static func setPresence(_ presence: Presence, status: String?, account: AccountID? = nil) -> Intent {
        .presence(.set(presence, status: status, account: account))
    }
}
