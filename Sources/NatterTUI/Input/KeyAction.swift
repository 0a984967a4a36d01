/// What a key can be bound to in `[keys]` of config.toml, by the name written there.
public enum KeyAction: String, Sendable, Hashable, CaseIterable {
    case rosterUp = "roster_up"
    case rosterDown = "roster_down"
    case rosterPageUp = "roster_page_up"
    case rosterPageDown = "roster_page_down"
    /// Opens the chat or room under the roster cursor; on a group's line, folds or unfolds it.
    case rosterOpen = "roster_open"
    case rosterFold = "roster_fold"
    case rosterUnfold = "roster_unfold"
    case rosterRename = "roster_rename"
    case rosterRemove = "roster_remove"
    /// Puts the roster cursor away (only while there is one; otherwise the key does what it did).
    case rosterHide = "roster_hide"
    case nextWindow = "next_window"
    case previousWindow = "previous_window"
    case nextUnread = "next_unread"
    case scrollUp = "scroll_up"
    case scrollDown = "scroll_down"
    case scrollBottom = "scroll_bottom"
    /// The next older match of `/search` in the window.
    case searchNext = "search_next"
    /// Shows or hides the member list of room windows.
    case toggleMembers = "toggle_members"
    case redraw
    case complete
    /// Written as `"none"`: the key does nothing (takes a default binding away).
    case none

    /// One line for `/help keys`.
    var summary: String {
        switch self {
        case .rosterUp: "roster cursor up"
        case .rosterDown: "roster cursor down"
        case .rosterPageUp: "roster cursor a page up"
        case .rosterPageDown: "roster cursor a page down"
        case .rosterOpen: "open the entry under the roster cursor (a group: fold/unfold)"
        case .rosterFold: "fold the group under the roster cursor"
        case .rosterUnfold: "unfold the group under the roster cursor"
        case .rosterRename: "rename the group under the roster cursor"
        case .rosterRemove: "remove the group or contact under the roster cursor (press twice)"
        case .rosterHide: "put the roster cursor away"
        case .nextWindow: "next window"
        case .previousWindow: "previous window"
        case .nextUnread: "next window with unread messages"
        case .scrollUp: "scroll the chat a page up"
        case .scrollDown: "scroll the chat a page down"
        case .scrollBottom: "back to the newest line"
        case .searchNext: "the next older match of /search"
        case .toggleMembers: "show or hide the member list of rooms"
        case .redraw: "repaint the screen"
        case .complete: "complete the word (repeat to cycle)"
        case .none: "nothing"
        }
    }
}
