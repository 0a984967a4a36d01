import NatterModel

/// One frame of the Ryver real-time chat protocol (seed 004), plus Natter's `history`, `roster` and
/// `team_list` extensions (docs/protocols/realtime.md).
///
/// JIDs stay strings here: the server resolves a bare `bob` within its domain, so only the receiver knows
/// what an address means.
public enum RealtimeMessage: Sendable, Equatable {
    case auth(RealtimeAuth)
    case chat(RealtimeChat)
    /// An edit of an earlier chat, identified by its `key`.
    case chatUpdated(RealtimeChat)
    case chatDeleted(RealtimeChatRef)
    case presenceChange(RealtimePresence)
    case userTyping(RealtimeTyping)
    case teamJoin(RealtimeRoomRequest)
    case teamLeave(RealtimeRoomRequest)
    case ping(id: String?)
    case ack(RealtimeAck)
    case error(RealtimeErrorMessage)
    case history(RealtimeHistoryRequest)
    case roster(id: String?)
    case teamList(id: String?)
    /// The server's push of the whole roster after the buddy list changed (Natter extension).
    case rosterUpdate([RealtimeRosterContact])
    /// The user's read position in one conversation: set by a client, pushed to its other connections.
    case readMarker(RealtimeReadMarker)
    /// Asks for every read marker of the user, as after a reconnect.
    case readMarkers(id: String?)

    /// The `type` property on the wire.
    public var type: String {
        switch self {
        case .auth: "auth"
        case .chat: "chat"
        case .chatUpdated: "chat_updated"
        case .chatDeleted: "chat_deleted"
        case .presenceChange: "presence_change"
        case .userTyping: "user_typing"
        case .teamJoin: "team_join"
        case .teamLeave: "team_leave"
        case .ping: "ping"
        case .ack: "ack"
        case .error: "error"
        case .history: "history"
        case .roster: "roster"
        case .teamList: "team_list"
        case .rosterUpdate: "roster_update"
        case .readMarker: "read_marker"
        case .readMarkers: "read_markers"
        }
    }

    /// The client-chosen `id`, which acks and errors echo.
    public var id: String? {
        switch self {
        case .auth(let auth): auth.id
        case .chat(let chat), .chatUpdated(let chat): chat.id
        case .chatDeleted(let ref): ref.id
        case .presenceChange(let presence): presence.id
        case .userTyping(let typing): typing.id
        case .teamJoin(let request), .teamLeave(let request): request.id
        case .ping(let id), .roster(let id), .teamList(let id), .readMarkers(let id): id
        case .readMarker(let marker): marker.id
        case .ack, .rosterUpdate: nil
        case .error(let error): error.id
        case .history(let request): request.id
        }
    }
}
