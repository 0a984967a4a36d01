import Foundation

/// How the Channels adapter reaches natterd: the shared login, then `/messaging` with the session as bearer token.
public struct ChannelsAdapterConfiguration: Sendable {
    /// Base URL of the server, e.g. `http://127.0.0.1:7070`; the login call lives under it.
    public var serverURL: String
    public var user: String
    public var password: String
    public var domain: String
    public var agent: String
    /// Silence for this long makes the adapter ping the server; three silent intervals end the link.
    public var pingInterval: Duration
    public var caFile: String?
    public var verifyTLS: Bool
    public var backoff: ReconnectBackoff
    /// The time the pure session is given: where history pages start, the date of an undated message.
    public var clock: @Sendable () -> Date

    public init(
        serverURL: String, user: String, password: String, domain: String = "natter.test", agent: String = "Natter",
        pingInterval: Duration = .seconds(20), caFile: String? = nil, verifyTLS: Bool = true,
        backoff: ReconnectBackoff = ReconnectBackoff(), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.serverURL = serverURL
        self.user = user
        self.password = password
        self.domain = domain
        self.agent = agent
        self.pingInterval = pingInterval
        self.caFile = caFile
        self.verifyTLS = verifyTLS
        self.backoff = backoff
        self.clock = clock
    }
}
