/// How the realtime adapter reaches and logs in to a Ryver-dialect server (natterd or compatible).
public struct RealtimeAdapterConfiguration: Sendable {
    /// Base URL of the server, e.g. `http://127.0.0.1:7070`; the login call lives under it.
    public var serverURL: String
    public var user: String
    public var password: String
    /// Domain for bare names the user types; the server's answer to `auth` overrides it.
    public var domain: String
    public var resource: String
    public var agent: String
    /// Ryver clients ping every ~10 s; silence for `deadAfterPings` intervals means the link is gone.
    public var pingInterval: Duration
    public var deadAfterPings: Int
    public var caFile: String?
    public var verifyTLS: Bool
    public var backoff: ReconnectBackoff

    public init(
        serverURL: String, user: String, password: String, domain: String = "natter.test",
        resource: String = "natter", agent: String = "Natter", pingInterval: Duration = .seconds(10),
        deadAfterPings: Int = 3, caFile: String? = nil, verifyTLS: Bool = true,
        backoff: ReconnectBackoff = ReconnectBackoff()
    ) {
        self.serverURL = serverURL
        self.user = user
        self.password = password
        self.domain = domain
        self.resource = resource
        self.agent = agent
        self.pingInterval = pingInterval
        self.deadAfterPings = deadAfterPings
        self.caFile = caFile
        self.verifyTLS = verifyTLS
        self.backoff = backoff
    }
}
