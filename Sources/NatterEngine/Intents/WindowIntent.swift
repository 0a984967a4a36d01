import Foundation
import NatterModel

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
    /// A status line in a room's window rather than the console (`/who` in a room).
    case note(ConversationID, Notice)
}
