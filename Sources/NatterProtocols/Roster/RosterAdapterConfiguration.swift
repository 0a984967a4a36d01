/// Where and how the Zimbra IM adapter connects.
public struct RosterAdapterConfiguration: Sendable {
    /// The server's base URL (`https://host:port`); requests go to its `/service/soap/`.
    public var serverURL: String
    public var user: String
    public var password: String
    public var domain: String
    public var caFile: String?
    public var backoff: ReconnectBackoff
    /// How long the server may hold a `NoOpRequest wait="1"`; the HTTP transfer is allowed a little more.
    public var pollTimeout: Duration
    /// False when a Realtime adapter of the same account carries chat, presence and the roster.
    public var carriesChat: Bool
    /// Status texts per language for a presence set without one.
    public var statusTexts: RosterStatusTexts

    public init(
        serverURL: String, user: String, password: String, domain: String = "natter.test", caFile: String? = nil,
        backoff: ReconnectBackoff = ReconnectBackoff(), pollTimeout: Duration = .seconds(50),
        carriesChat: Bool = true, statusTexts: RosterStatusTexts = RosterStatusTexts()
    ) {
        self.serverURL = serverURL
        self.user = user
        self.password = password
        self.domain = domain
        self.caFile = caFile
        self.backoff = backoff
        self.pollTimeout = pollTimeout
        self.carriesChat = carriesChat
        self.statusTexts = statusTexts
    }

    var endpoint: String {
        var base = serverURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/service/soap/"
    }
}
