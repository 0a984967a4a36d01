import NatterModel

/// What the user asked for, in domain terms. The front end produces these; the reducer turns them into effects.
public enum Intent: Sendable, Equatable {
    case send(text: String, to: ConversationID)
    case openConversation(ConversationID)
    case closeWindow(WindowID)
    case activate(WindowID)
    /// Alt+1..9: the n-th window, 1-based.
    case activateNumber(Int)
    case activateNext
    case activatePrevious
    /// Alt+a: the next window with unread messages.
    case activateNextUnread
    case setPresence(Presence, status: String?)
    case joinRoom(JID)
    case leaveRoom(JID)
    /// The user is (or stopped) typing in a conversation.
    case composing(ConversationID, Bool)
    case loadOlderHistory(ConversationID)
    case notice(Notice)
    case clearConsole
    case quit
}
