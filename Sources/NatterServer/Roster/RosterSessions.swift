import Foundation
import Synchronization

/// The door's live Zimbra sessions and the auth tokens it handed out.
///
/// A token is a core login session id, valid on every protocol. The door remembers which tokens it issued,
/// so one the core no longer accepts is told apart as expired (`service.AUTH_EXPIRED`, log in again) rather
/// than unknown (`service.AUTH_REQUIRED`). A session outlives its token by design: a client that logs in
/// again names its session and keeps its place in the notification sequence.
final class RosterSessions: Sendable {
    private struct State: Sendable {
        var sessions: [String: RosterSession] = [:]
        /// Token → the user it was issued to.
        var issued: [String: String] = [:]
        /// Token → the session it was issued with, used when a request names none.
        var defaultSession: [String: String] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())
    /// How long a session may go without a request before it ends and its user's presence with it.
    let idleTimeout: Duration

    init(idleTimeout: Duration) { self.idleTimeout = idleTimeout }

    func makeID() -> String {
        state.withLock { state in
            state.nextID += 1
            return String(state.nextID)
        }
    }

    func add(_ session: RosterSession) {
        state.withLock { $0.sessions[session.id] = session }
    }

    /// Records `token` as issued with `session`: a request with the token and no session uses that one.
    func bind(token: String, to session: RosterSession) {
        state.withLock { state in
            state.issued[token] = session.user.name
            state.defaultSession[token] = session.id
        }
    }

    /// The session `id` when it is alive and belongs to `user`.
    func session(_ id: String, of user: StoredUser) -> RosterSession? {
        state.withLock { state in
            guard let session = state.sessions[id], session.user.id == user.id, !session.isClosed else { return nil }
            return session
        }
    }

    func defaultSession(for token: String, of user: StoredUser) -> RosterSession? {
        state.withLock { $0.defaultSession[token] }.flatMap { session($0, of: user) }
    }

    func wasIssued(_ token: String) -> Bool { state.withLock { $0.issued[token] != nil } }

    func sessions(of user: String) -> [RosterSession] {
        state.withLock { state in state.sessions.values.filter { $0.user.name.lowercased() == user.lowercased() } }
    }

    /// Removes and returns the sessions idle since before `now - idleTimeout`.
    func removeExpired(now: Date) -> [RosterSession] {
        let seconds = Double(idleTimeout.components.seconds) + Double(idleTimeout.components.attoseconds) * 1e-18
        let cutoff = now.addingTimeInterval(-seconds)
        return state.withLock { state in
            let expired = state.sessions.values.filter { $0.lastUsed < cutoff || $0.isClosed }
            for session in expired { state.sessions[session.id] = nil }
            return expired
        }
    }

    func removeAll() -> [RosterSession] {
        state.withLock { state in
            defer { state.sessions = [:] }
            return Array(state.sessions.values)
        }
    }
}
