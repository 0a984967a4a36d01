import Testing

@testable import NatterTransport

@Suite struct WebSocketHandshakeTests {
    @Test func computesRFCExampleAcceptValue() {
        #expect(WebSocketHandshake.acceptValue(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func sha1MatchesKnownDigests() {
        func hex(_ bytes: [UInt8]) -> String {
            bytes.map { String($0, radix: 16).count == 1 ? "0\(String($0, radix: 16))" : String($0, radix: 16) }
                .joined()
        }
        #expect(hex(WebSocketSHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(WebSocketSHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(WebSocketSHA1.hash(long)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func base64PadsCorrectly() {
        #expect(WebSocketBase64.encode(Array("f".utf8)) == "Zg==")
        #expect(WebSocketBase64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(WebSocketBase64.encode(Array("foo".utf8)) == "Zm9v")
        #expect(WebSocketBase64.encode([0xFB, 0xFF]) == "+/8=")
    }

    @Test func randomKeyIsSixteenBytesOfBase64() {
        let key = WebSocketHandshake.randomKey()
        #expect(key.count == 24 && key.hasSuffix("=="))
        #expect(key != WebSocketHandshake.randomKey())
    }

    @Test func parsesURLs() throws {
        let plain = try WebSocketURL("ws://example.com/chat?room=1#frag")
        #expect(!plain.secure && plain.host == "example.com" && plain.port == 80)
        #expect(plain.requestTarget == "/chat?room=1")
        #expect(plain.transportURL == "http://example.com:80/")
        #expect(plain.hostHeader == "example.com")
        let secure = try WebSocketURL("wss://[::1]:8443")
        #expect(secure.host == "::1" && secure.port == 8443 && secure.requestTarget == "/")
        #expect(secure.transportURL == "https://[::1]:8443/")
        #expect(secure.hostHeader == "[::1]:8443")
        #expect(throws: WebSocketError.invalidURL) { try WebSocketURL("http://example.com") }
        #expect(throws: WebSocketError.invalidURL) { try WebSocketURL("ws://host:99999/") }
        #expect(throws: WebSocketError.invalidURL) { try WebSocketURL("ws://host/a b") }
        #expect(throws: WebSocketError.invalidURL) { try WebSocketURL("ws://host/\r\nX-Evil: 1") }
    }

    private func handshake(compression: Bool = true) throws -> WebSocketHandshake {
        try WebSocketHandshake(
            url: try WebSocketURL("ws://127.0.0.1:9001/runCase?case=1"), offerCompression: compression,
            additionalHeaders: [("Authorization", "Bearer x")], key: "dGhlIHNhbXBsZSBub25jZQ==")
    }

    private func response(_ lines: [String]) -> ArraySlice<UInt8> {
        ArraySlice(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8))
    }

    @Test func buildsUpgradeRequest() throws {
        let text = String(decoding: try handshake().request, as: UTF8.self)
        #expect(text.hasPrefix("GET /runCase?case=1 HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n"))
        #expect(text.contains("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"))
        #expect(text.contains("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"))
        #expect(text.contains("Authorization: Bearer x\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func acceptsValidResponseAndNegotiatesDeflate() throws {
        let head = response([
            "HTTP/1.1 101 Switching Protocols", "upgrade: WebSocket", "Connection: keep-alive, Upgrade",
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
            "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_max_window_bits=10",
        ])
        let negotiated = try handshake().validate(responseHead: head)
        #expect(negotiated == WebSocketDeflateParameters(serverNoContextTakeover: true, clientMaxWindowBits: 10))
    }

    @Test func rejectsBadResponses() throws {
        let good = [
            "HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
        ]
        #expect(try handshake().validate(responseHead: response(good)) == nil)
        var wrongStatus = good
        wrongStatus[0] = "HTTP/1.1 200 OK"
        var wrongAccept = good
        wrongAccept[3] = "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA="
        var noUpgrade = good
        noUpgrade.remove(at: 1)
        for lines in [wrongStatus, wrongAccept, noUpgrade, good + ["Sec-WebSocket-Protocol: chat"]] {
            #expect(throws: WebSocketError.handshakeFailed) { try handshake().validate(responseHead: response(lines)) }
        }
        let unoffered = good + ["Sec-WebSocket-Extensions: permessage-deflate"]
        #expect(throws: WebSocketError.handshakeFailed) {
            try handshake(compression: false).validate(responseHead: response(unoffered))
        }
    }

    @Test func rejectsHeaderInjection() throws {
        let url = try WebSocketURL("ws://127.0.0.1/")
        for header in [("X-A", "1\r\nX-Evil: 2"), ("X-A\n", "1"), ("", "1"), ("X:A", "1")] {
            #expect(throws: WebSocketError.handshakeFailed) {
                try WebSocketHandshake(url: url, offerCompression: false, additionalHeaders: [header])
            }
        }
    }

    @Test func findsEndOfHeadAndKeepsTrailingBytes() {
        let bytes = Array("HTTP/1.1 101 OK\r\nA: b\r\n\r\n".utf8) + [0x81, 0x00]
        #expect(WebSocketHandshake.endOfHead(in: bytes) == bytes.count - 2)
        #expect(WebSocketHandshake.endOfHead(in: Array("HTTP/1.1 101 OK\r\n".utf8)) == nil)
    }
}
