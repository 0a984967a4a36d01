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
    case subscriptions(SubscriptionIntent)
    case channels(ChannelIntent)
    case conferences(ConferenceIntent)
    case threads(ThreadIntent)
    case gateways(GatewayIntent)
    case accounts(AccountIntent)
    case windows(WindowIntent)
    case notice(Notice)
    case clearConsole
    /// Time passed: lapses typing indicators and refreshes countdowns.
    case tick(Date)
    case quit
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
