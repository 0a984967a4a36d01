/// What a piece of text is, for the theme to colour. The screen model never names colours itself.
public enum StyleRole: String, Hashable, Sendable, CaseIterable {
    case text
    case dim
    case timestamp
    case ownNick = "own_nick"
    case otherNick = "other_nick"
    /// The sender of a message that names you (your name or a `highlight_words` word).
    case highlight
    case pending
    case failed
    case info
    case warning
    case error
    case titleBar = "title_bar"
    case statusBar = "status_bar"
    case statusActive = "status_active"
    case statusUnread = "status_unread"
    case statusAlert = "status_alert"
    /// The activity list's window numbers, by level (`Activity`).
    case activityLow = "activity_low"
    case activityMessage = "activity_message"
    case activityPrivate = "activity_private"
    case activityHighlight = "activity_highlight"
    case rosterHeader = "roster_header"
    case rosterSelected = "roster_selected"
    /// The keyboard cursor in the roster (Alt+Up/Down), distinct from the active conversation.
    case rosterCursor = "roster_cursor"
    case unread
    case border
    case typing
    case inputMarker = "input_marker"
    case presenceAvailable = "presence_available"
    case presenceAway = "presence_away"
    case presenceDND = "presence_dnd"
    case presenceXA = "presence_xa"
    case presenceOffline = "presence_offline"
}
