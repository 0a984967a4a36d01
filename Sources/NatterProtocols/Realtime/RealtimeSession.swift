import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

/// The realtime protocol's client side as a pure state machine: engine commands in, wire messages out; wire
/// messages in, engine events out. `RealtimeAdapter` is only the threads and sockets around it.
public struct RealtimeSession: Sendable {
    /// What an outstanding request id stands for, so its ack or error can be routed.
    enum Request: Sendable, Equatable {
        case auth
        case chat(localID: String)
        case presence
        case roster
        case teamList
        case join(JID)
        case leave(JID)
        case history(ConversationID)
        case catchUp
        case ping
        case readMarker(ConversationID)
        case readMarkers
        /// An edit or delete of an earlier chat: its ack changes nothing, its error is worth a notice.
        case correction
    }

    /// What the I/O shell must do after feeding the session one message.
    public struct Actions: Sendable, Equatable {
        public var events: [EngineEvent] = []
        public var send: [RealtimeMessage] = []
        /// Set when the connection is unusable and must be closed and re-established.
        public var failure: RealtimeAdapterError?

        public init() {}
    }

    /// What a Realtime connection offers its account (DESIGN.md's table): chat, typing, rooms and presence.
    public static let capabilities: Set<Capability> = [.chat, .typing, .rooms, .presence]

    public private(set) var account: JID?
    /// The newest server key seen; the resume cursor the engine keeps for this adapter.
    public internal(set) var newestKey: String?
    public internal(set) var rooms: Set<JID> = []
    var domain: String
    var pending: [String: Request] = [:]
    private var nextRequest = 0
    /// The first presence ack after auth marks the end of the initial burst (natterd sends presences first).
    private var awaitingSync = false
    /// The read position last set in each conversation by this client, by address: sent again after every
    /// reconnect, since one set while offline would otherwise be lost (the server keeps the newest).
    var readPositions: [String: (ConversationID, String)] = [:]

    public init(domain: String) {
        self.domain = domain
    }

    public var isAuthenticated: Bool { account != nil }
    public var outstandingRequests: Int { pending.count }

    /// The opening message of a connection. Forgets requests of the previous connection: their acks will never come.
    public mutating func begin(sessionID: String, agent: String, resource: String) -> RealtimeMessage {
        account = nil
        pending.removeAll()
        awaitingSync = false
        let id = register(.auth)
        return .auth(RealtimeAuth(id: id, sessionID: sessionID, agent: agent, resource: resource))
    }

    public mutating func ping() -> RealtimeMessage { .ping(id: register(.ping)) }

    /// Translates an engine command; nil when it is not for this protocol or cannot be sent yet.
    public mutating func outgoing(_ command: AdapterCommand) -> RealtimeMessage? {
        if case .chat(.markRead(let conversation, let key)) = command, let jid = conversation.jid {
            readPositions[jid.bareString] = (conversation, key)
            guard isAuthenticated else { return nil }
            return readMarker(conversation, key: key)
        }
        guard isAuthenticated else { return nil }
        switch command {
        case .chat(.send(let localID, let to, let text)):
            guard let jid = to.jid else { return nil }
            // The local id doubles as the wire id, so a resend after reconnect is recognisable as the same message.
            pending[localID] = .chat(localID: localID)
            return .chat(RealtimeChat(id: localID, to: jid.bareString, text: text))
        case .presence(.set(let presence, let status)):
            let status = status.flatMap { $0.isEmpty ? nil : $0 }
            return .presenceChange(RealtimePresence(id: register(.presence), presence: presence, status: status))
        case .chat(.typing(let conversation, let composing)):
            guard let jid = conversation.jid else { return nil }
            return .userTyping(RealtimeTyping(to: jid.bareString, state: composing ? .composing : .done))
        case .rooms(.join(let room)):
            rooms.insert(room.bare)
            return .teamJoin(RealtimeRoomRequest(id: register(.join(room.bare)), to: room.bareString))
        case .rooms(.leave(let room)):
            return .teamLeave(RealtimeRoomRequest(id: register(.leave(room.bare)), to: room.bareString))
        case .chat(.fetchHistory(let conversation, let before, let limit)):
            guard let jid = conversation.jid else { return nil }
            let id = register(.history(conversation))
            return .history(RealtimeHistoryRequest(id: id, with: jid.bareString, before: before, limit: limit))
        case .chat(.catchUp(let after, let limit)):
            advanceCursor(to: after.token)
            return .history(
                RealtimeHistoryRequest(id: register(.catchUp), with: nil, after: after.token, limit: limit))
        case .chat(.edit(let conversation, let key, let text)):
            guard let jid = conversation.jid else { return nil }
            return .chatUpdated(RealtimeChat(id: register(.correction), to: jid.bareString, text: text, key: key))
        case .chat(.delete(_, let key)):
            return .chatDeleted(RealtimeChatRef(id: register(.correction), key: key))
        case .chat(.markRead):
            return nil
        case .roster, .groups, .subscriptions, .channels, .conferences, .threads, .gateways:
            // Not among `capabilities`: the engine never routes these here.
            return nil
        }
    }

    mutating func readMarker(_ conversation: ConversationID, key: String) -> RealtimeMessage {
        .readMarker(
            RealtimeReadMarker(id: register(.readMarker(conversation)), with: conversation.address, key: key))
    }

    mutating func register(_ request: Request) -> String {
        nextRequest += 1
        let id = "r\(nextRequest)"
        pending[id] = request
        return id
    }
}

extension RealtimeSession {
    mutating func markAuthenticated(_ jid: JID) {
        account = jid
        domain = jid.domain
        awaitingSync = true
    }

    mutating func takeSyncMarker() -> Bool {
        defer { awaitingSync = false }
        return awaitingSync
    }

    func jid(_ text: String?) -> JID? {
        guard let text else { return nil }
        return JID(text, defaultDomain: domain)
    }
}
