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
        case .roster, .groups, .subscriptions, .channels, .conferences, .gateways:
            // Not among `capabilities`: the engine never routes these here.
            return nil
        }
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
