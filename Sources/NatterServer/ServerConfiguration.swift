import Foundation
import Logging

/// How a natterd instance runs; the command line and the embedded `natter --demo` server both build one.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port; `NatterServer.start()` returns the one chosen.
    public var port: Int
    /// SQLite file; `nil` uses a temporary database removed on `stop()`.
    public var databasePath: String?
    public var domain: String
    /// Seed demo users, contacts, rooms and history into an empty database.
    public var demo: Bool
    /// With `demo`: simulate carol (answers chats) and dave (cycles presence).
    public var demoPeer: Bool
    public var logLevel: Logger.Level
    /// Largest WebSocket frame accepted; bigger ones close the connection with 1009.
    public var maxFrameSize: Int
    /// bcrypt cost (log2 rounds, 4...31) for new password hashes. A login whose stored hash is older (PBKDF2)
    /// or cheaper is rehashed at this cost.
    public var passwordCost: Int
    /// How long a WebSocket may stay open without a successful `auth`; then it is closed with 1008 so idle
    /// or abandoned connections cannot pile up.
    public var authenticationTimeout: Duration
    /// How long a login session may go unused before `auth` refuses it and it is deleted.
    public var sessionLifetime: Duration
    /// Where the server logs; `nil` makes a `natterd` logger from the process's logging backend. An embedding
    /// TUI passes one that does not write to the terminal.
    public var logger: Logger?
    /// PEM certificate chain and private key; with both set the server speaks only HTTPS and `wss://`.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// The time source for session expiry, presence stamps and the authentication deadline; tests inject one
    /// they move by hand.
    public var clock: any ServerClock
    /// Gateway services offered to Zimbra IM users (`natterd --gateway NAME=URL`), each bridging to the
    /// Ryver-compatible server at its URL (docs/protocols/gateways.md).
    public var gateways: [GatewayServiceConfiguration] = []
    /// Backoff of a gateway bridge after a network failure: first delay and cap, in milliseconds.
    public var gatewayRetry: (initial: Int64, maximum: Int64) = (1000, 30_000)
    /// A PEM bundle of certificate authorities a gateway trusts for `https` remotes besides the system's
    /// (`natterd --gateway-ca FILE`); certificates are always verified.
    public var gatewayCertificateAuthorityPath: String?

    public var usesTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }

    public init(
        host: String = "127.0.0.1", port: Int = 7070, databasePath: String? = nil, domain: String = "natter.test",
        demo: Bool = false, demoPeer: Bool = true, logLevel: Logger.Level = .info, maxFrameSize: Int = 1 << 20,
        passwordCost: Int = Storage.defaultPasswordCost, authenticationTimeout: Duration = .seconds(10),
        sessionLifetime: Duration = .seconds(Storage.defaultSessionLifetime), logger: Logger? = nil,
        clock: any ServerClock = SystemServerClock()
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.domain = domain
        self.demo = demo
        self.demoPeer = demoPeer
        self.logLevel = logLevel
        self.maxFrameSize = maxFrameSize
        self.passwordCost = passwordCost
        self.authenticationTimeout = authenticationTimeout
        self.sessionLifetime = sessionLifetime
        self.logger = logger
        self.clock = clock
    }
}
