/// Client options. Defaults are safe for a chat client talking to an untrusted server.
public struct WebSocketConfiguration: Sendable {
    /// Largest reassembled (and inflated) message; anything larger fails the connection with 1009.
    public var maxMessageSize: Int
    /// Largest single frame payload; checked from the header, before the payload is buffered.
    public var maxFrameSize: Int
    /// Offer permessage-deflate (RFC 7692).
    public var enableCompression: Bool
    public var closeTimeout: Duration
    public var connectTimeout: Duration
    /// Extra request headers for the upgrade request, e.g. `("Authorization", "Bearer x")`.
    public var additionalHeaders: [(String, String)]
    public var verifyTLS: Bool
    /// Extra CA bundle (PEM) trusted for wss://.
    public var caFile: String?
    /// Proxy URL handed to libcurl; the connection is tunnelled with CONNECT.
    public var proxy: String?

    public init(
        maxMessageSize: Int = 16 * 1024 * 1024,
        maxFrameSize: Int = 16 * 1024 * 1024,
        enableCompression: Bool = true,
        closeTimeout: Duration = .seconds(5),
        connectTimeout: Duration = .seconds(10),
        additionalHeaders: [(String, String)] = [],
        verifyTLS: Bool = true,
        caFile: String? = nil,
        proxy: String? = nil
    ) {
        self.maxMessageSize = maxMessageSize
        self.maxFrameSize = maxFrameSize
        self.enableCompression = enableCompression
        self.closeTimeout = closeTimeout
        self.connectTimeout = connectTimeout
        self.additionalHeaders = additionalHeaders
        self.verifyTLS = verifyTLS
        self.caFile = caFile
        self.proxy = proxy
    }
}
