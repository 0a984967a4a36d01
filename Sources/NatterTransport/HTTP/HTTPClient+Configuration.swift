extension HTTPClient {
    /// Where requests go before reaching the server.
    public enum Proxy: Sendable, Hashable {
        /// Honour `http_proxy`, `https_proxy` and `no_proxy`, as curl does by default.
        case environment
        /// Connect directly, whatever the environment says.
        case direct
        /// Use this proxy URL, e.g. `http://proxy.example:3128`.
        case url(String)
    }

    public struct Configuration: Sendable, Hashable {
        /// Limit for establishing the TCP (and TLS) connection.
        public var connectTimeout: Duration
        /// Whole-transfer limit for requests that do not set their own.
        public var timeout: Duration
        /// Extra trust anchors in PEM form (a private CA or a self-signed natterd); the system
        /// store is used when `nil`. Verification of peer and host name is always on.
        public var caFile: String?
        public var proxy: Proxy
        /// Bodies larger than this abort the transfer, so a hostile or broken server cannot make
        /// the client buffer without bound. Applies after decompression.
        public var maximumResponseSize: Int
        public var followRedirects: Bool
        /// Ask for gzip/deflate and let libcurl inflate transparently.
        public var acceptsCompressedResponses: Bool
        public var userAgent: String
        /// How many idle connections (libcurl handles) to keep for reuse.
        public var maximumIdleConnections: Int

        public init(
            connectTimeout: Duration = .seconds(10),
            timeout: Duration = .seconds(60),
            caFile: String? = nil,
            proxy: Proxy = .environment,
            maximumResponseSize: Int = 8 * 1024 * 1024,
            followRedirects: Bool = false,
            acceptsCompressedResponses: Bool = true,
            userAgent: String = "Natter/1.0",
            maximumIdleConnections: Int = 4
        ) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.caFile = caFile
            self.proxy = proxy
            self.maximumResponseSize = maximumResponseSize
            self.followRedirects = followRedirects
            self.acceptsCompressedResponses = acceptsCompressedResponses
            self.userAgent = userAgent
            self.maximumIdleConnections = maximumIdleConnections
        }
    }
}

extension Duration {
    /// Milliseconds for libcurl's `_MS` options, never 0 (which libcurl reads as "no limit").
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(max(1, min(milliseconds, Int64(Int32.max))))
    }
}
