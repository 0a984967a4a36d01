import Foundation
import Logging
import NatterModel

/// The protocol-neutral behaviour of natterd: sessions, presence, typing, rooms and chats over one storage
/// and one hub. Every door (and the demo peers) goes through it, so a chat sent on one protocol reaches the
/// sessions of every other.
final class HubService: Sendable {
    let storage: any CoreStore
    let hub: Hub
    let domain: String
    let clock: any ServerClock
    let logger: Logger

    init(storage: any CoreStore, domain: String, clock: any ServerClock, logger: Logger) {
        self.storage = storage
        self.hub = Hub(domain: domain, clock: clock)
        self.domain = domain
        self.clock = clock
        self.logger = logger
    }

    func bareJID(_ name: String) -> JID { JID(local: name, domain: domain) }

    /// Attaches a session for a known user; `onResume` marks a simulated one (see `Hub.register`).
    func attach(
        user: StoredUser, resource: String, id: HubSessionID, subscriber: any HubSubscriber,
        loginSession: String? = nil, onResume: (@Sendable () -> Void)? = nil
    ) async throws(HubError) -> HubSession {
        let watchers = try await watchers(of: user)
        let jid = await hub.register(
            id, user: user.name, resource: resource, subscriber: subscriber, watchers: watchers, onResume: onResume)
        return HubSession(user: user, id: id, jid: jid, loginSession: loginSession)
    }

    func detach(_ session: HubSession) async {
        let watchers = (try? await storage.watchers(of: session.user)) ?? []
        await hub.unregister(session.id, watchers: watchers)
        await hub.ownPresenceMayHaveChanged(session.user.name)
        if let loginSession = session.loginSession { try? await storage.touchSession(loginSession, now: clock.now()) }
    }

    func setPresence(_ presence: Presence, status: String? = nil, for session: HubSession) async throws(HubError) {
        let watchers = try await watchers(of: session.user)
        let contacts = try await storageCall { try await storage.contacts(of: session.user) }
        var lastActive: [String: Date] = [:]
        for contact in contacts { lastActive[contact.user.name] = contact.lastActive }
        // An empty text is no text, so clearing a status looks the same from every client.
        let status = status.flatMap { $0.isEmpty ? nil : $0 }
        await hub.setPresence(
            session.id, presence, status: status, watchers: watchers, contacts: contacts.map(\.user.name),
            lastActive: lastActive)
        await hub.ownPresenceMayHaveChanged(session.user.name)
    }

    /// For a door whose sign-in means "online" but that carries no presence of its own (CWA): the session takes
    /// the user's presence as it stands, or `available` when the user has none. A client with several adapters
    /// signs in at several doors, and the latest sign-in must not override what the user chose on another.
    func joinPresence(for session: HubSession) async throws(HubError) {
        let current = await hub.presence(of: session.user.name)
        guard current != .unavailable else { return try await setPresence(.available, for: session) }
        try await setPresence(current, status: await hub.status(of: session.user.name), for: session)
    }

    func typing(_ state: TypingEvent.State, to address: String, from session: HubSession) async throws(HubError) {
        let from = session.jid.bare
        switch try await resolve(address) {
        case .user(let recipient):
            await hub.publish(
                .typing(TypingEvent(from: from, to: bareJID(recipient.name), state: state)), toUsers: [recipient.name])
        case .room(let room):
            try await requireJoined(room, session: session)
            await hub.publish(
                .typing(TypingEvent(from: from, to: bareJID(room.name), state: state)), toRoom: room.name,
                except: session.id)
        }
    }

    func join(_ address: String, session: HubSession) async throws(HubError) {
        let room = try await requireRoom(address)
        guard try await storageCall({ try await storage.isMember(session.user, of: room) }) else {
            throw HubError.invalidArgument("not a member of \(address)")
        }
        await hub.join(session.id, room: room.name)
    }

    func leave(_ address: String, session: HubSession) async throws(HubError) {
        let room = try await requireRoom(address)
        await hub.leave(session.id, room: room.name)
    }

    // MARK: - Helpers shared by the feature extensions

    func resolve(_ address: String) async throws(HubError) -> MessageDestination {
        guard let jid = JID(address, defaultDomain: domain), jid.domain == domain else {
            throw HubError.invalidArgument("unknown recipient '\(address)'")
        }
        let name = jid.local
        if let user = try await storageCall({ try await storage.user(named: name) }) { return .user(user) }
        if let room = try await storageCall({ try await storage.room(named: name) }), room.kind == .team {
            return .room(room)
        }
        throw HubError.invalidArgument("unknown recipient '\(address)'")
    }

    func requireRoom(_ address: String) async throws(HubError) -> StoredRoom {
        guard case .room(let room) = try await resolve(address) else {
            throw HubError.invalidArgument("'\(address)' is not a team room")
        }
        return room
    }

    func requireJoined(_ room: StoredRoom, session: HubSession) async throws(HubError) {
        guard await hub.isJoined(session.id, room: room.name) else {
            throw HubError.invalidArgument("join \(bareJID(room.name)) first")
        }
    }

    func watchers(of user: StoredUser) async throws(HubError) -> [String] {
        try await storageCall { try await storage.watchers(of: user) }
    }

    /// Runs a storage call; a failure is logged and becomes `HubError.serverError`.
    func storageCall<T>(_ body: () async throws -> T) async throws(HubError) -> T {
        do {
            return try await body()
        } catch {
            logger.error("storage call failed", metadata: ["error": "\(error)"])
            throw HubError.serverError
        }
    }
}
