import Foundation
import NatterModel
import NatterCodecs

/// Owns the routing table and every connection's sink; the only place frames are handed to connections.
///
/// Sinks never block (WebSocket frames go to an unbounded per-connection queue), so the actor is never held
/// up by a slow peer.
actor RealtimeHub {
    private var table: RealtimeRoutingTable
    private var sinks: [RealtimeConnectionID: RealtimeSink] = [:]
    /// Callbacks for simulated sessions that regain their voice when their user's last real session leaves.
    private var resumeHandlers: [RealtimeConnectionID: @Sendable () -> Void] = [:]
    private var nextID = 0

    init(domain: String) {
        table = RealtimeRoutingTable(domain: domain)
    }

    func makeConnectionID() -> RealtimeConnectionID {
        nextID += 1
        return RealtimeConnectionID(rawValue: nextID)
    }

    func register(
        _ id: RealtimeConnectionID, user: String, resource: String, sink: RealtimeSink, watchers: [String],
        onResume: (@Sendable () -> Void)? = nil
    ) -> JID {
        let (jid, deliveries) = table.add(
            id, user: user, resource: resource, simulated: onResume != nil, watchers: watchers)
        sinks[id] = sink
        resumeHandlers[id] = onResume
        perform(deliveries)
        return jid
    }

    func unregister(_ id: RealtimeConnectionID, watchers: [String]) {
        let (deliveries, resumed) = table.remove(id, watchers: watchers, now: Date())
        perform(deliveries)
        sinks[id] = nil
        resumeHandlers[id] = nil
        if let resumed { resumeHandlers[resumed]?() }
    }

    func setPresence(
        _ id: RealtimeConnectionID, _ presence: Presence, watchers: [String], contacts: [String],
        lastActive: [String: Date] = [:]
    ) {
        perform(
            table.setPresence(
                id, presence, watchers: watchers, contacts: contacts, lastActive: lastActive, now: Date()))
    }

    func join(_ id: RealtimeConnectionID, room: String) {
        perform(table.join(id, room: room))
    }

    func leave(_ id: RealtimeConnectionID, room: String) {
        perform(table.leave(id, room: room))
    }

    func isJoined(_ id: RealtimeConnectionID, room: String) -> Bool { table.isJoined(id, room: room) }

    /// Whether the connection has authenticated (and not yet gone).
    func isRegistered(_ id: RealtimeConnectionID) -> Bool { sinks[id] != nil }

    func hasRealSession(_ user: String) -> Bool { table.hasRealSession(user) }

    func presence(of user: String) -> Presence { table.presence(of: user) }

    /// Sends to every active session of each user, skipping `except` (the originating connection).
    func send(_ message: RealtimeMessage, toUsers users: [String], except: RealtimeConnectionID? = nil) {
        for user in Set(users) {
            for session in table.activeSessions(of: user) where session.id != except {
                sinks[session.id]?.send(message)
            }
        }
    }

    func send(_ message: RealtimeMessage, toRoom room: String, except: RealtimeConnectionID? = nil) {
        for session in table.roomSessions(room) where session.id != except {
            sinks[session.id]?.send(message)
        }
    }

    /// Replies go through the same queue as pushed frames so a client sees them in the order they happened.
    func send(_ message: RealtimeMessage, to id: RealtimeConnectionID) {
        sinks[id]?.send(message)
    }

    private func perform(_ deliveries: [RealtimeDelivery]) {
        for delivery in deliveries { sinks[delivery.target]?.send(delivery.message) }
    }
}
