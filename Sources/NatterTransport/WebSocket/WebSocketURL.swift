/// A parsed ws:// or wss:// URL, reduced to what the transport and the upgrade request need.
public struct WebSocketURL: Sendable, Equatable {
    public var secure: Bool
    /// Host without IPv6 brackets.
    public var host: String
    public var port: Int
    /// Path plus query, always starting with "/"; the fragment is dropped (RFC 6455 §3).
    public var requestTarget: String

    public init(_ string: String) throws(WebSocketError) {
        // The URL ends up in the request line and Host header verbatim.
        guard !string.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .invalidURL("\(string.debugDescription): contains spaces or control characters")
        }
        let lower = string.lowercased()
        let rest: Substring
        if lower.hasPrefix("ws://") {
            secure = false
            rest = string.dropFirst(5)
        } else if lower.hasPrefix("wss://") {
            secure = true
            rest = string.dropFirst(6)
        } else {
            throw .invalidURL("\(string): scheme must be ws or wss")
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if !target.hasPrefix("/") { target = "/" + target }
        requestTarget = target
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }

        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidURL("\(string): unterminated IPv6 host")
            }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        guard !host.isEmpty else { throw .invalidURL("\(string): missing host") }
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw .invalidURL("\(string): bad port")
            }
            port = value
        } else {
            port = secure ? 443 : 80
        }
    }

    private var bracketedHost: String { host.contains(":") ? "[\(host)]" : host }

    /// The URL libcurl connects to: CONNECT_ONLY needs an http(s) URL to pick plain TCP or TLS.
    public var transportURL: String { "\(secure ? "https" : "http")://\(bracketedHost):\(port)/" }

    /// The Host header value; the port is omitted when it is the scheme's default.
    public var hostHeader: String {
        port == (secure ? 443 : 80) ? bracketedHost : "\(bracketedHost):\(port)"
    }
}
