import Foundation
import NatterModel

/// Who is connected, with what presence, in which rooms: the pure core of routing, for every protocol.
///
/// Every mutation returns the domain events it causes as deliveries; the hub actor performs them. Storage
/// lookups (who watches whom) are done by the caller and passed in, so this stays synchronous and testable.
struct RoutingTable: Sendable {
    struct Session: Sendable {
        let id: HubSessionID
        let user: String
        let jid: JID
        /// Server-side demo users; they go quiet while their user has a real connection.
        let simulated: Bool
        var presence: Presence?
        var presenceSince: Date?
        /// The free text set with the presence ("lunch"); travels with it, so it changes only when it does.
        var status: String?
        /// When the presence was set, on a clock that cannot tie: the latest one speaks for the user.
        var presenceOrder = 0
        var rooms: Set<String> = []
    }

    let domain: String
    private(set) var sessions: [HubSessionID: Session] = [:]
    /// When each user's last session went away, for the `received` of offline contacts.
    private(set) var lastSeen: [String: Date] = [:]
    private var presenceClock = 0

    init(domain: String) { self.domain = domain }

    func bareJID(_ user: String) -> JID { JID(local: user, domain: domain) }

    /// The sessions that speak for `user`: the real ones, or the simulated one when there is no real one.
    func activeSessions(of user: String) -> [Session] {
        let all = sessions.values.filter { $0.user == user }
        let real = all.filter { !$0.simulated }
        return (real.isEmpty ? all : real).sorted { $0.id < $1.id }
    }

    func roomSessions(_ room: String) -> [Session] {
        sessions.values.filter { $0.rooms.contains(room) }.sorted { $0.id < $1.id }
    }

    func isActive(_ id: HubSessionID) -> Bool {
        guard let session = sessions[id] else { return false }
        return activeSessions(of: session.user).contains { $0.id == id }
    }

    func hasRealSession(_ user: String) -> Bool {
        sessions.values.contains { $0.user == user && !$0.simulated }
    }

    /// Adds a connection and returns its full JID. A real connection silences its user's simulated one,
    /// whose presence is withdrawn from `watchers` and its rooms.
    mutating func add(
        _ id: HubSessionID, user: String, resource: String, simulated: Bool, watchers: [String]
    ) -> (jid: JID, deliveries: [HubDelivery]) {
        var resource = resource
        let taken = Set(sessions.values.filter { $0.user == user }.compactMap(\.jid.resource))
        if taken.contains(resource) { resource += "-\(id.rawValue)" }
        let jid = bareJID(user).with(resource: resource)
        let before = visibility(of: user)
        sessions[id] = Session(id: id, user: user, jid: jid, simulated: simulated)
        return (jid, changes(of: user, since: before, watchers: watchers, except: id))
    }

    /// Removes a connection. Watchers and rooms hear the user's new aggregate presence if it changed. When it
    /// was the user's last real connection, a simulated session (if any) is returned so its owner can speak up.
    mutating func remove(
        _ id: HubSessionID, watchers: [String], now: Date
    ) -> (deliveries: [HubDelivery], resumed: HubSessionID?) {
        guard let session = sessions[id] else { return ([], nil) }
        let wasActive = isActive(id)
        let before = visibility(of: session.user)
        sessions[id] = nil
        let deliveries = changes(of: session.user, since: before, watchers: watchers, except: id)
        let remaining = activeSessions(of: session.user)
        guard wasActive, remaining.allSatisfy({ $0.simulated }) else { return (deliveries, nil) }
        lastSeen[session.user] = now
        return (deliveries, remaining.first?.id)
    }

    /// Records a presence and fans out the user's aggregate if it changed. A session's first presence also
    /// earns it a snapshot of `contacts`. `lastActive` (from storage) dates offline contacts this server has
    /// not seen leave since it started.
    mutating func setPresence(
        _ id: HubSessionID, _ presence: Presence, status: String? = nil, watchers: [String], contacts: [String],
        lastActive: [String: Date] = [:], now: Date
    ) -> [HubDelivery] {
        guard var session = sessions[id] else { return [] }
        let before = visibility(of: session.user)
        let isFirst = session.presence == nil
        presenceClock += 1
        session.presence = presence
        session.status = status
        session.presenceSince = now
        session.presenceOrder = presenceClock
        sessions[id] = session
        guard isActive(id) else { return [] }
        var deliveries = changes(of: session.user, since: before, watchers: watchers, except: id)
        if isFirst { deliveries += snapshot(of: contacts, for: session, lastActive: lastActive) }
        return deliveries
    }

    /// Joins a room: the joiner hears each occupant, the occupants hear the joiner's user unless another of
    /// its sessions already put it in the room.
    mutating func join(_ id: HubSessionID, room: String) -> [HubDelivery] {
        guard var session = sessions[id], !session.rooms.contains(room) else { return [] }
        let roomJID = bareJID(room)
        let occupants = Set(roomSessions(room).filter { isActive($0.id) }.map(\.user)).sorted()
        var deliveries = occupants.compactMap { occupant in
            visibility(of: occupant).rooms[room].map { appearance in
                HubDelivery(
                    target: id,
                    event: presenceEvent(
                        from: appearance.jid, as: appearance.presence, to: roomJID, status: appearance.status))
            }
        }
        let before = visibility(of: session.user)
        session.rooms.insert(room)
        sessions[id] = session
        // Joining changes nothing watchers see, so they need not be named.
        deliveries += changes(of: session.user, since: before, watchers: [], except: id)
        return deliveries
    }

    /// Leaves a room; the occupants hear `unavailable` only when no other session of the user remains in it.
    mutating func leave(_ id: HubSessionID, room: String) -> [HubDelivery] {
        guard var session = sessions[id], session.rooms.contains(room) else { return [] }
        let before = visibility(of: session.user)
        session.rooms.remove(room)
        sessions[id] = session
        return changes(of: session.user, since: before, watchers: [], except: id)
    }

    func isJoined(_ id: HubSessionID, room: String) -> Bool {
        sessions[id]?.rooms.contains(room) ?? false
    }

    func broadcast(_ event: HubEvent, inRoom room: String, except: HubSessionID? = nil) -> [HubDelivery] {
        roomSessions(room).filter { $0.id != except }.map { HubDelivery(target: $0.id, event: event) }
    }

    func presenceEvent(
        from: JID, as presence: Presence, to: JID, since: Date? = nil, status: String? = nil
    ) -> HubEvent {
        .presence(PresenceEvent(from: from, to: to, presence: presence, since: since, status: status))
    }
}
