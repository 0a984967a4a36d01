/// The client side of the HTTP/1.1 Upgrade handshake (RFC 6455 §4.1): builds the request and checks
/// the response. Pure: the connection feeds it bytes.
public struct WebSocketHandshake: Sendable {
    public static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
    /// A response head larger than this is not a WebSocket server talking to us.
    public static let maxResponseHeadSize = 16 * 1024

    public let key: String
    public let url: WebSocketURL
    public let offerCompression: Bool
    public let additionalHeaders: [(String, String)]

    public init(
        url: WebSocketURL, offerCompression: Bool, additionalHeaders: [(String, String)] = [], key: String? = nil
    ) throws(WebSocketError) {
        // A line break in a caller-supplied header would let it inject headers or end the request early.
        for (name, value) in additionalHeaders {
            guard !name.isEmpty, !name.contains(":"),
                !(name + value).unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" })
            else {
                throw .handshakeFailed("invalid additional header \(name.debugDescription)")
            }
        }
        self.url = url
        self.offerCompression = offerCompression
        self.additionalHeaders = additionalHeaders
        self.key = key ?? Self.randomKey()
    }

    public static func randomKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return WebSocketBase64.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    public static func acceptValue(forKey key: String) -> String {
        WebSocketBase64.encode(WebSocketSHA1.hash(Array((key + guid).utf8)))
    }

    public var request: [UInt8] {
        var lines = [
            "GET \(url.requestTarget) HTTP/1.1",
            "Host: \(url.hostHeader)",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: \(key)",
            "Sec-WebSocket-Version: 13",
        ]
        if offerCompression { lines.append("Sec-WebSocket-Extensions: \(WebSocketDeflateParameters.offer)") }
        for (name, value) in additionalHeaders { lines.append("\(name): \(value)") }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// Index just past the blank line ending the response head, or nil if it hasn't fully arrived.
    public static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// Validates the response head (without the trailing blank line's leftovers) and returns the
    /// negotiated compression, if any.
    public func validate(responseHead: ArraySlice<UInt8>) throws(WebSocketError) -> WebSocketDeflateParameters? {
        let text = String(decoding: responseHead, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw .handshakeFailed("empty response") }
        let statusLine = lines.removeFirst()
        let statusParts = statusLine.split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1.") else {
            throw .handshakeFailed("not an HTTP/1.x response: \(statusLine)")
        }
        guard statusParts[1] == "101" else { throw .handshakeFailed("expected status 101, got \(statusLine)") }

        var headers: [String: [String]] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw .handshakeFailed("malformed header line: \(line)") }
            let name = line[..<colon].lowercased()
            headers[name, default: []].append(line[line.index(after: colon)...].webSocketTrimmed())
        }
        guard headers["upgrade"]?.contains(where: { $0.lowercased() == "websocket" }) == true else {
            throw .handshakeFailed("missing Upgrade: websocket")
        }
        let connectionTokens = (headers["connection"] ?? []).flatMap { $0.split(separator: ",") }
        guard connectionTokens.contains(where: { $0.webSocketTrimmed().lowercased() == "upgrade" }) else {
            throw .handshakeFailed("missing Connection: Upgrade")
        }
        guard headers["sec-websocket-accept"] == [Self.acceptValue(forKey: key)] else {
            throw .handshakeFailed("Sec-WebSocket-Accept mismatch")
        }
        // We never request a subprotocol, so a server naming one is talking a protocol we don't speak.
        guard headers["sec-websocket-protocol"] == nil else {
            throw .handshakeFailed("server selected a subprotocol we did not request")
        }
        return try WebSocketDeflateParameters.negotiated(
            fromResponse: headers["sec-websocket-extensions"] ?? [], offered: offerCompression)
    }
}
