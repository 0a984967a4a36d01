import Foundation
import Logging
import NatterModel
import NatterCodecs

/// The Realtime protocol's behaviour, shared by WebSocket connections and the server-side demo peers so that
/// both go through one storage and delivery path.
final class RealtimeService: Sendable {
    /// An authenticated speaker: a WebSocket session or a simulated user.
    struct Session: Sendable {
        let user: StoredUser
        let connection: RealtimeConnectionID
        let jid: JID
        /// The login session a WebSocket authenticated with; `nil` for simulated users.
        var loginSession: String?
    }

    let storage: Storage
    let hub: RealtimeHub
    let domain: String
    let logger: Logger

    init(storage: Storage, domain: String, logger: Logger) {
        self.storage = storage
        self.hub = RealtimeHub(domain: domain)
        self.domain = domain
        self.logger = logger
    }

    func bareJID(_ name: String) -> JID { JID(local: name, domain: domain) }

    /// Validates a `Session <id>` authorization and attaches the connection to the hub.
    func authenticate(
        _ auth: RealtimeAuth, connection: RealtimeConnectionID, sink: RealtimeSink
    ) async throws(RealtimeErrorMessage) -> Session {
        let failure = RealtimeErrorMessage(
            id: auth.id, code: .authFailed, text: "authentication failed; invalid session")
        guard let sessionID = auth.sessionID else { throw failure }
        let user: StoredUser?
        do {
            user = try await storage.user(forSession: sessionID)
        } catch {
            throw serverError(error, id: auth.id)
        }
        guard let user else { throw failure }
        let resource = auth.resource.flatMap(RealtimeService.cleanResource) ?? RealtimeService.generatedResource()
        var session = try await attach(user: user, resource: resource, connection: connection, sink: sink, id: auth.id)
        session.loginSession = sessionID
        return session
    }

    /// Attaches a connection for a known user; used directly by simulated users.
    func attach(
        user: StoredUser, resource: String, connection: RealtimeConnectionID, sink: RealtimeSink, id: String? = nil,
        onResume: (@Sendable () -> Void)? = nil
    ) async throws(RealtimeErrorMessage) -> Session {
        let watchers = try await watchers(of: user, id: id)
        let jid = await hub.register(
            connection, user: user.name, resource: resource, sink: sink, watchers: watchers, onResume: onResume)
        return Session(user: user, connection: connection, jid: jid)
    }

    func detach(_ session: Session) async {
        let watchers = (try? await storage.watchers(of: session.user)) ?? []
        await hub.unregister(session.connection, watchers: watchers)
        if let loginSession = session.loginSession { try? await storage.touchSession(loginSession) }
    }

    func setPresence(_ presence: Presence, for session: Session, id: String? = nil) async throws(RealtimeErrorMessage) {
        let watchers = try await watchers(of: session.user, id: id)
        let contacts: [StoredContact]
        do {
            contacts = try await storage.contacts(of: session.user)
        } catch {
            throw serverError(error, id: id)
        }
        var lastActive: [String: Date] = [:]
        for contact in contacts { lastActive[contact.user.name] = contact.lastActive }
        await hub.setPresence(
            session.connection, presence, watchers: watchers, contacts: contacts.map(\.user.name),
            lastActive: lastActive)
    }

    func typing(_ typing: RealtimeTyping, from session: Session) async throws(RealtimeErrorMessage) {
        let from = session.jid.bare.description
        switch try await resolve(typing.to, id: typing.id) {
        case .user(let recipient):
            let to = bareJID(recipient.name).description
            await hub.send(
                .userTyping(RealtimeTyping(from: from, to: to, state: typing.state)), toUsers: [recipient.name])
        case .room(let room):
            try await requireJoined(room, session: session, id: typing.id)
            let to = bareJID(room.name).description
            await hub.send(
                .userTyping(RealtimeTyping(from: from, to: to, state: typing.state)), toRoom: room.name,
                except: session.connection)
        }
    }

    func join(_ request: RealtimeRoomRequest, session: Session) async throws(RealtimeErrorMessage) {
        let room = try await requireRoom(request.to, id: request.id)
        let allowed: Bool
        do {
            allowed = try await storage.isMember(session.user, of: room)
        } catch {
            throw serverError(error, id: request.id)
        }
        guard allowed else {
            throw RealtimeErrorMessage(id: request.id, code: .invalidArg, text: "not a member of \(request.to)")
        }
        await hub.join(session.connection, room: room.name)
    }

    func leave(_ request: RealtimeRoomRequest, session: Session) async throws(RealtimeErrorMessage) {
        let room = try await requireRoom(request.to, id: request.id)
        await hub.leave(session.connection, room: room.name)
    }

    // MARK: - Helpers shared by the feature extensions

    func resolve(_ address: String, id: String?) async throws(RealtimeErrorMessage) -> Storage.Destination {
        guard let jid = JID(address, defaultDomain: domain), jid.domain == domain else {
            throw RealtimeErrorMessage(id: id, code: .invalidArg, text: "unknown recipient '\(address)'")
        }
        do {
            if let user = try await storage.user(named: jid.local) { return .user(user) }
            if let room = try await storage.room(named: jid.local), room.kind == .team { return .room(room) }
        } catch {
            throw serverError(error, id: id)
        }
        throw RealtimeErrorMessage(id: id, code: .invalidArg, text: "unknown recipient '\(address)'")
    }

    func requireRoom(_ address: String, id: String?) async throws(RealtimeErrorMessage) -> StoredRoom {
        guard case .room(let room) = try await resolve(address, id: id) else {
            throw RealtimeErrorMessage(id: id, code: .invalidArg, text: "'\(address)' is not a team room")
        }
        return room
    }

    func requireJoined(_ room: StoredRoom, session: Session, id: String?) async throws(RealtimeErrorMessage) {
        guard await hub.isJoined(session.connection, room: room.name) else {
            throw RealtimeErrorMessage(
                id: id, code: .invalidArg, text: "join \(bareJID(room.name)) with team_join first")
        }
    }

    func watchers(of user: StoredUser, id: String?) async throws(RealtimeErrorMessage) -> [String] {
        do {
            return try await storage.watchers(of: user)
        } catch {
            throw serverError(error, id: id)
        }
    }

    func serverError(_ error: any Error, id: String?) -> RealtimeErrorMessage {
        logger.error("realtime request failed", metadata: ["error": "\(error)"])
        return RealtimeErrorMessage(id: id, code: .serverError, text: "internal server error")
    }

    /// Resources end up inside JIDs, so only characters a JID part allows are kept.
    static func cleanResource(_ resource: String) -> String? {
        let kept = String(
            resource.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F && $0 != "/" }.prefix(64))
        return kept.isEmpty ? nil : kept
    }

    static func generatedResource() -> String {
        "natter-" + String(UInt32.random(in: .min ... .max), radix: 16)
    }
}
