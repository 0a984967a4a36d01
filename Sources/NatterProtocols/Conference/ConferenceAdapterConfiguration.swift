/// How the conference adapter reaches a Communicator Web Access server (natterd's CWA door or compatible).
public struct ConferenceAdapterConfiguration: Sendable {
    /// Base URL; the endpoints are `/cwa/MainCommandHandler.ashx` and `/cwa/AsyncDataChannel.ashx` under it.
    public var serverURL: String
    public var user: String
    public var password: String
    /// Domain for bare names the user types.
    public var domain: String
    public var caFile: String?
    public var backoff: ReconnectBackoff
    /// How much longer than the server's poll wait a long poll may take before it counts as lost.
    public var pollGrace: Duration

    public init(
        serverURL: String, user: String, password: String, domain: String = "natter.test", caFile: String? = nil,
        backoff: ReconnectBackoff = ReconnectBackoff(), pollGrace: Duration = .seconds(30)
    ) {
        self.serverURL = serverURL
        self.user = user
        self.password = password
        self.domain = domain
        self.caFile = caFile
        self.backoff = backoff
        self.pollGrace = pollGrace
    }

    var commandURL: String { trimmedServer + "/cwa/MainCommandHandler.ashx" }
    var eventURL: String { trimmedServer + "/cwa/AsyncDataChannel.ashx" }

    private var trimmedServer: String {
        serverURL.hasSuffix("/") ? String(serverURL.dropLast()) : serverURL
    }
}
