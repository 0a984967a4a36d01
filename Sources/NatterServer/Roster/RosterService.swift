import Foundation
import Logging
import NatterCodecs
import NatterModel

/// Turns Zimbra requests into core calls: logging in, finding or opening the request's session, and each
/// IM request (in `RosterService+IM.swift`). Every refusal is a `ZimbraFault` with a Zimbra code.
struct RosterService: Sendable {
    let core: HubService
    let authenticator: Authenticator
    let store: any RosterStore
    let sessions: RosterSessions
    let blocklist: RosterBlocklist
    let presenceBook: RosterPresenceBook
    let subscriptions: RosterSubscriptionBook
    let encoder: RosterEventEncoder
    /// The auth token's lifetime as AuthResponse states it: the core's login session lifetime.
    let tokenLifetime: Duration
    /// Answers the gateway requests and chats with gateway addresses first (Gateways/).
    let gateways: GatewayService?
    let logger: Logger

    var clock: any ServerClock { core.clock }
    var domain: String { core.domain }

    /// AuthRequest: checks the password, issues a token and names the session to use. A session named in
    /// the context that is still alive and the same user's is kept, so logging in again after
    /// `service.AUTH_EXPIRED` keeps the notification place.
    func login(
        account: String, password: String, context: ZimbraRequestContext
    ) async throws -> (
        RosterResponse, RosterSession
    ) {
        let user: StoredUser?
        do {
            user = try await authenticator.authenticate(user: account, password: password)
        } catch {
            logger.error("authentication failed", metadata: ["error": "\(error)"])
            throw ZimbraFault(code: .failure, reason: "authentication is unavailable")
        }
        guard let user else {
            logger.info("zimbra login failed", metadata: ["account": "\(account)"])
            throw ZimbraFault(code: .authFailed, reason: "authentication failed for \(account)")
        }
        let token = try await coreCall { try await authenticator.startSession(for: user) }
        let kept = context.session?.id.flatMap { sessions.session($0, of: user) }
        let session: RosterSession
        if let kept {
            session = kept
            sessions.bind(token: token, to: kept)
        } else {
            session = try await openSession(for: user, token: token)
        }
        logger.info("zimbra login", metadata: ["user": "\(user.name)", "session": "\(session.id)"])
        let lifetime = tokenLifetime.components
        let milliseconds = lifetime.seconds * 1000 + lifetime.attoseconds / 1_000_000_000_000_000
        return (.auth(authToken: token, lifetime: milliseconds, session: session.id), session)
    }

    /// The user of the context's auth token.
    func authenticate(_ context: ZimbraRequestContext) async throws -> (user: StoredUser, token: String) {
        guard let token = context.authToken else {
            throw ZimbraFault(code: .authRequired, reason: "no valid authtoken present")
        }
        let user = try await coreCall { try await authenticator.authenticate(session: token) }
        guard let user else {
            if sessions.wasIssued(token) {
                throw ZimbraFault(code: .authExpired, reason: "auth credentials have expired")
            }
            throw ZimbraFault(code: .authRequired, reason: "no valid authtoken present")
        }
        return (user, token)
    }

    /// The session a request names: its live session; a new one for a bare `<session/>`, an expired id or
    /// another user's (the response's different id tells the client); the token's own without a session.
    func session(for context: ZimbraRequestContext, user: StoredUser, token: String) async throws -> RosterSession {
        if let requested = context.session {
            if let id = requested.id, let session = sessions.session(id, of: user) { return session }
            return try await openSession(for: user, token: token)
        }
        if let session = sessions.defaultSession(for: token, of: user) { return session }
        return try await openSession(for: user, token: token)
    }

    private func openSession(for user: StoredUser, token: String) async throws -> RosterSession {
        let session = RosterSession(id: sessions.makeID(), user: user, encoder: encoder, now: clock.now())
        let hubID = await core.hub.makeSessionID()
        let hubSession = try await coreCall {
            try await core.attach(
                user: user, resource: "zimbra-\(session.id)", id: hubID, subscriber: session, loginSession: token)
        }
        session.attached(hubSession)
        sessions.add(session)
        sessions.bind(token: token, to: session)
        return session
    }

    /// Ends sessions idle too long: their users' presence goes with them.
    func expireIdleSessions() async {
        for session in sessions.removeExpired(now: clock.now()) {
            if let hubSession = session.close() { await core.detach(hubSession) }
        }
    }

    /// Runs a core or authenticator call; an internal failure is logged and becomes `service.FAILURE`, a
    /// refusal of the request becomes `service.INVALID_REQUEST` with the core's reason.
    func coreCall<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let fault as ZimbraFault {
            throw fault
        } catch let error as HubError {
            if error.isInvalidArgument { throw ZimbraFault(code: .invalidRequest, reason: error.text) }
            throw ZimbraFault(code: .failure, reason: error.text)
        } catch {
            logger.error("roster door call failed", metadata: ["error": "\(error)"])
            throw ZimbraFault(code: .failure, reason: "internal server error")
        }
    }
}

extension RosterService {
    /// Fills the in-memory blocklist and subscriptions from the door's tables on first use.
    func loadBlocklist() async throws {
        if !blocklist.isLoaded { blocklist.load(try await coreCall { try await store.allBlocked() }) }
        if !subscriptions.isLoaded { subscriptions.load(try await coreCall { try await store.allSubscriptions() }) }
    }
}
