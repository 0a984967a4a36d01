import Foundation
import NatterModel
import NatterProtocols

/// Who is connected, with what presence, in which rooms: the pure core of Realtime routing.
///
/// Every mutation returns the frames it causes as deliveries; the hub actor performs them. Storage
/// lookups (who watches whom) are done by the caller and passed in, so this stays synchronous and testable.
struct RealtimeRoutingTable: Sendable {
    struct Session: Sendable {
        let id: RealtimeConnectionID
        let user: String
        let jid: JID
        /// Server-side demo users; they go quiet while their user has a real connection.
        let simulated: Bool
        var presence: Presence?
        var presenceSince: Date?
        var rooms: Set<String> = []
    }

    let domain: String
    private(set) var sessions: [RealtimeConnectionID: Session] = [:]
    /// When each user's last session went away, for the `received` of offline contacts.
    private var lastSeen: [String: Date] = [:]

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

    func isActive(_ id: RealtimeConnectionID) -> Bool {
        guard let session = sessions[id] else { return false }
        return activeSessions(of: session.user).contains { $0.id == id }
    }

    func hasRealSession(_ user: String) -> Bool {
        sessions.values.contains { $0.user == user && !$0.simulated }
    }

    /// Adds a connection and returns its full JID. A real connection silences its user's simulated one,
    /// whose presence is withdrawn from `watchers`.
    mutating func add(
        _ id: RealtimeConnectionID, user: String, resource: String, simulated: Bool, watchers: [String]
    ) -> (jid: JID, deliveries: [RealtimeDelivery]) {
        var resource = resource
        let taken = Set(sessions.values.filter { $0.user == user }.compactMap(\.jid.resource))
        if taken.contains(resource) { resource += "-\(id.rawValue)" }
        let jid = bareJID(user).with(resource: resource)
        var deliveries: [RealtimeDelivery] = []
        if !simulated {
            for silenced in activeSessions(of: user) where silenced.simulated && silenced.presence != nil {
                deliveries += withdraw(silenced, watchers: watchers)
            }
        }
        sessions[id] = Session(id: id, user: user, jid: jid, simulated: simulated)
        return (jid, deliveries)
    }

    /// Removes a connection. When it was the user's last real one, watchers and rooms learn it is gone and
    /// a simulated session (if any) is returned so its owner can speak up again.
    mutating func remove(
        _ id: RealtimeConnectionID, watchers: [String], now: Date
    ) -> (deliveries: [RealtimeDelivery], resumed: RealtimeConnectionID?) {
        guard let session = sessions[id] else { return ([], nil) }
        let wasActive = isActive(id)
        sessions[id] = nil
        var deliveries: [RealtimeDelivery] = []
        for room in session.rooms.sorted() {
            deliveries += broadcast(presenceFrame(of: session, as: .unavailable, to: bareJID(room)), inRoom: room)
        }
        let remaining = activeSessions(of: session.user)
        guard wasActive, remaining.allSatisfy({ $0.simulated }) else { return (deliveries, nil) }
        lastSeen[session.user] = now
        if session.presence != nil {
            deliveries += tellWatchers(watchers, session: session, presence: .unavailable)
        }
        return (deliveries, remaining.first?.id)
    }

    /// Records a presence and fans it out. A session's first presence also earns it a snapshot of `contacts`.
    /// `lastActive` (from storage) dates offline contacts this server has not seen leave since it started.
    mutating func setPresence(
        _ id: RealtimeConnectionID, _ presence: Presence, watchers: [String], contacts: [String],
        lastActive: [String: Date] = [:], now: Date
    ) -> [RealtimeDelivery] {
        guard var session = sessions[id] else { return [] }
        let isFirst = session.presence == nil
        session.presence = presence
        session.presenceSince = now
        sessions[id] = session
        guard isActive(id) else { return [] }
        var deliveries = tellWatchers(watchers, session: session, presence: presence)
        for room in session.rooms.sorted() {
            deliveries += broadcast(
                presenceFrame(of: session, as: presence, to: bareJID(room)), inRoom: room, except: id)
        }
        if isFirst { deliveries += snapshot(of: contacts, for: session, lastActive: lastActive) }
        return deliveries
    }

    /// Joins a room: the joiner hears each current occupant, the occupants hear the joiner.
    mutating func join(_ id: RealtimeConnectionID, room: String) -> [RealtimeDelivery] {
        guard var session = sessions[id], !session.rooms.contains(room) else { return [] }
        let roomJID = bareJID(room)
        var deliveries = roomSessions(room).map { occupant in
            RealtimeDelivery(
                target: id, message: presenceFrame(of: occupant, as: occupant.presence ?? .available, to: roomJID))
        }
        deliveries += broadcast(
            presenceFrame(of: session, as: session.presence ?? .available, to: roomJID), inRoom: room)
        session.rooms.insert(room)
        sessions[id] = session
        return deliveries
    }

    mutating func leave(_ id: RealtimeConnectionID, room: String) -> [RealtimeDelivery] {
        guard var session = sessions[id], session.rooms.contains(room) else { return [] }
        session.rooms.remove(room)
        sessions[id] = session
        return broadcast(presenceFrame(of: session, as: .unavailable, to: bareJID(room)), inRoom: room)
    }

    func isJoined(_ id: RealtimeConnectionID, room: String) -> Bool {
        sessions[id]?.rooms.contains(room) ?? false
    }

    /// The aggregate presence of a user as a roster shows it.
    func presence(of user: String) -> Presence {
        activeSessions(of: user).compactMap(\.presence).min { $0.sortRank < $1.sortRank } ?? .unavailable
    }

    private func snapshot(
        of contacts: [String], for session: Session, lastActive: [String: Date]
    ) -> [RealtimeDelivery] {
        var deliveries: [RealtimeDelivery] = []
        let to = session.jid.bare.description
        for contact in contacts {
            let online = activeSessions(of: contact).filter { $0.presence != nil }
            if online.isEmpty {
                let message = RealtimePresence(
                    from: bareJID(contact).description, to: to, presence: .unavailable,
                    received: (lastSeen[contact] ?? lastActive[contact]).map(RealtimeRoutingTable.timestamp))
                deliveries.append(RealtimeDelivery(target: session.id, message: .presenceChange(message)))
            }
            for peer in online {
                let message = RealtimePresence(
                    from: peer.jid.description, to: to, presence: peer.presence ?? .available,
                    received: peer.presenceSince.map(RealtimeRoutingTable.timestamp))
                deliveries.append(RealtimeDelivery(target: session.id, message: .presenceChange(message)))
            }
        }
        return deliveries
    }

    private func withdraw(_ session: Session, watchers: [String]) -> [RealtimeDelivery] {
        var deliveries = tellWatchers(watchers, session: session, presence: .unavailable)
        for room in session.rooms.sorted() {
            deliveries += broadcast(presenceFrame(of: session, as: .unavailable, to: bareJID(room)), inRoom: room)
        }
        return deliveries
    }

    private func tellWatchers(_ watchers: [String], session: Session, presence: Presence) -> [RealtimeDelivery] {
        watchers.flatMap { watcher in
            activeSessions(of: watcher).map { target in
                RealtimeDelivery(
                    target: target.id, message: self.presenceFrame(of: session, as: presence, to: target.jid.bare))
            }
        }
    }

    private func broadcast(
        _ message: RealtimeMessage, inRoom room: String, except: RealtimeConnectionID? = nil
    ) -> [RealtimeDelivery] {
        roomSessions(room).filter { $0.id != except }.map { RealtimeDelivery(target: $0.id, message: message) }
    }

    private func presenceFrame(of session: Session, as presence: Presence, to: JID) -> RealtimeMessage {
        .presenceChange(RealtimePresence(from: session.jid.description, to: to.description, presence: presence))
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
