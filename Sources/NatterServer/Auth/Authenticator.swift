import HTTPTypes
import HummingbirdAuth
import HummingbirdBcrypt
import Logging
import NatterModel

/// The one authenticator every door uses: a user name and password (the Ryver login's Basic header, and the
/// Zimbra AuthRequest and CWA logon to come), or a login session id (the Realtime `auth` message, and the
/// Channels bearer token). One login session is valid on every protocol.
struct Authenticator: Sendable {
    let storage: any UserStore & SessionStore
    let domain: String
    let clock: any ServerClock
    let logger: Logger
    /// Verified against when the user does not exist, so a wrong name costs as much as a wrong password and
    /// response times do not reveal which names exist.
    private let decoyHash: String

    init(storage: any UserStore & SessionStore, domain: String, clock: any ServerClock, logger: Logger) {
        self.storage = storage
        self.domain = domain
        self.clock = clock
        self.logger = logger
        decoyHash = Bcrypt.hash("decoy", cost: UInt8(storage.hashing.cost))
    }

    /// The user when `password` is right. `name` is a bare user name or `name@domain` of this server's domain.
    /// A right password over an outdated hash (PBKDF2, or a lower bcrypt cost) stores a new bcrypt hash.
    func authenticate(user name: String, password: String) async throws -> StoredUser? {
        guard let jid = JID(name, defaultDomain: domain), jid.domain == domain else { return nil }
        guard let credentials = try await storage.credentials(named: jid.local) else {
            _ = try await storage.hashing.verify(password, against: decoyHash)
            return nil
        }
        let user = credentials.user
        switch try await storage.hashing.verify(password, against: credentials.passwordHash) {
        case .rejected:
            return nil
        case .accepted:
            return user
        case .acceptedNeedsRehash:
            try await storage.setPasswordHash(try await storage.hashing.hash(password), of: user)
            logger.info("password hash upgraded", metadata: ["user": "\(user.name)"])
            return user
        }
    }

    /// The user of a live login session, marking the session as used.
    func authenticate(session id: String) async throws -> StoredUser? {
        try await storage.user(forSession: id, now: clock.now())
    }

    /// `Authorization: Basic …`, parsed by hummingbird-auth.
    func authenticate(basic headers: HTTPFields) async throws -> StoredUser? {
        guard let basic = headers.basic else { return nil }
        return try await authenticate(user: basic.username, password: basic.password)
    }

    /// `Authorization: Bearer <session id>`.
    func authenticate(bearer headers: HTTPFields) async throws -> StoredUser? {
        guard let bearer = headers.bearer else { return nil }
        return try await authenticate(session: bearer.token)
    }

    /// Starts a login session: its id is what every protocol's session-based authentication takes.
    func startSession(for user: StoredUser) async throws -> String {
        try await storage.createSession(for: user, now: clock.now())
    }
}
