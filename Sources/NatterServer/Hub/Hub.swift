import Foundation
import NatterModel

/// Owns the routing table and every session's subscriber; the only place domain events are handed out.
///
/// Subscribers never block (a WebSocket outbox queues, a demo peer hops to its own actor), so the actor is
/// never held up by a slow client. Protocol-neutral: a door registers its sessions with a subscriber that
/// encodes events for its own wire format.
actor Hub {
    private var table: RoutingTable
    private var subscribers: [HubSessionID: any HubSubscriber] = [:]
    /// Callbacks for simulated sessions that regain their voice when their user's last real session leaves.
    private var resumeHandlers: [HubSessionID: @Sendable () -> Void] = [:]
    private var nextID = 0
    private let clock: any ServerClock
    /// The conferences (multi-party sessions) in progress; `Hub+Conferences.swift` changes them.
    var conferences = ConferenceTable()
    /// Told a user's own aggregate presence whenever it may have changed (gateway bridges follow it).
    private var ownPresenceObservers: [@Sendable (String, Presence) -> Void] = []

    init(domain: String, clock: any ServerClock = SystemServerClock()) {
        table = RoutingTable(domain: domain)
        self.clock = clock
    }

    func makeSessionID() -> HubSessionID {
        nextID += 1
        return HubSessionID(rawValue: nextID)
    }

    func register(
        _ id: HubSessionID, user: String, resource: String, subscriber: any HubSubscriber, watchers: [String],
        onResume: (@Sendable () -> Void)? = nil
    ) -> JID {
        let (jid, deliveries) = table.add(
            id, user: user, resource: resource, simulated: onResume != nil, watchers: watchers)
        subscribers[id] = subscriber
        resumeHandlers[id] = onResume
        perform(deliveries)
        return jid
    }

    func unregister(_ id: HubSessionID, watchers: [String]) {
        let (deliveries, resumed) = table.remove(id, watchers: watchers, now: clock.now())
        perform(deliveries)
        subscribers[id] = nil
        resumeHandlers[id] = nil
        if let resumed { resumeHandlers[resumed]?() }
    }

    func setPresence(
        _ id: HubSessionID, _ presence: Presence, status: String? = nil, watchers: [String], contacts: [String],
        lastActive: [String: Date] = [:]
    ) {
        perform(
            table.setPresence(
                id, presence, status: status, watchers: watchers, contacts: contacts, lastActive: lastActive,
                now: clock.now()))
    }

    func join(_ id: HubSessionID, room: String) {
        perform(table.join(id, room: room))
    }

    func leave(_ id: HubSessionID, room: String) {
        perform(table.leave(id, room: room))
    }

    func isJoined(_ id: HubSessionID, room: String) -> Bool { table.isJoined(id, room: room) }

    /// Whether the session has been registered (authenticated) and not yet gone.
    func isRegistered(_ id: HubSessionID) -> Bool { subscribers[id] != nil }

    func hasRealSession(_ user: String) -> Bool { table.hasRealSession(user) }

    func presence(of user: String) -> Presence { table.presence(of: user) }

    func status(of user: String) -> String? { table.status(of: user) }

    func observeOwnPresence(_ observer: @escaping @Sendable (String, Presence) -> Void) {
        ownPresenceObservers.append(observer)
    }

    /// Tells the observers `user`'s presence as it stands; they ignore a presence they already know.
    func ownPresenceMayHaveChanged(_ user: String) {
        let presence = table.presence(of: user)
        for observer in ownPresenceObservers { observer(user, presence) }
    }

    /// Hands `event` to every active session of each user, skipping `except` (the originating session).
    func publish(_ event: HubEvent, toUsers users: [String], except: HubSessionID? = nil) {
        for user in Set(users) {
            for session in table.activeSessions(of: user) where session.id != except {
                subscribers[session.id]?.receive(event)
            }
        }
    }

    func publish(_ event: HubEvent, toRoom room: String, except: HubSessionID? = nil) {
        for session in table.roomSessions(room) where session.id != except {
            subscribers[session.id]?.receive(event)
        }
    }

    /// Hands each conference event to every active session of its user.
    func perform(_ deliveries: [ConferenceDelivery]) {
        for delivery in deliveries {
            for session in table.activeSessions(of: delivery.user) {
                subscribers[session.id]?.receive(conference: delivery.event)
            }
        }
    }

    private func perform(_ deliveries: [HubDelivery]) {
        for delivery in deliveries { subscribers[delivery.target]?.receive(delivery.event) }
    }
}
