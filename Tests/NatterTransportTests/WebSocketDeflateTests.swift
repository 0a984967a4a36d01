import Testing

@testable import NatterTransport

@Suite struct WebSocketDeflateTests {
    @Test func negotiatesParameters() throws {
        let all = try WebSocketDeflateParameters.negotiated(
            fromResponse: [
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                    + "server_max_window_bits=9; client_max_window_bits=\"12\""
            ], offered: true)
        #expect(
            all
                == WebSocketDeflateParameters(
                    serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 9,
                    clientMaxWindowBits: 12))
        #expect(try WebSocketDeflateParameters.negotiated(fromResponse: [], offered: true) == nil)
    }

    @Test(arguments: [
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; server_no_context_takeover=1",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; unknown_param",
        "x-webkit-deflate-frame",
        "permessage-deflate, permessage-deflate",
    ])
    func rejectsInvalidResponses(header: String) {
        #expect(throws: WebSocketError.handshakeFailed) {
            try WebSocketDeflateParameters.negotiated(fromResponse: [header], offered: true)
        }
    }

    private func compress(_ deflater: WebSocketDeflater, _ text: String) throws -> [UInt8] {
        try Array(text.utf8).withUnsafeBytes { try deflater.compress($0) }
    }

    @Test func roundTripsWithContextTakeover() throws {
        let deflater = try WebSocketDeflater(windowBits: 15, noContextTakeover: false)
        let inflater = try WebSocketInflater(noContextTakeover: false)
        let text = String(repeating: "hello websocket compression ", count: 50)
        let first = try compress(deflater, text)
        let second = try compress(deflater, text)
        // The second copy refers back into the first message's window, so it must be much smaller.
        #expect(second.count < first.count / 2)
        #expect(first.suffix(4) != [0x00, 0x00, 0xFF, 0xFF])
        for compressed in [first, second] {
            var output: [UInt8] = []
            try inflater.inflate(compressed, isFinal: true, into: &output, limit: 1 << 20)
            #expect(String(decoding: output, as: UTF8.self) == text)
        }
    }

    @Test func noContextTakeoverMessagesStandAlone() throws {
        let deflater = try WebSocketDeflater(windowBits: 9, noContextTakeover: true)
        let text = String(repeating: "abc123", count: 40)
        let first = try compress(deflater, text)
        #expect(try compress(deflater, text) == first)
        let fresh = try WebSocketInflater(noContextTakeover: true)
        var output: [UInt8] = []
        try fresh.inflate(first, isFinal: true, into: &output, limit: 1 << 20)
        #expect(output == Array(text.utf8))
    }

    @Test func inflatesAcrossFrames() throws {
        let deflater = try WebSocketDeflater(windowBits: 15, noContextTakeover: false)
        let payload = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let compressed = try payload.withUnsafeBytes { try deflater.compress($0) }
        let inflater = try WebSocketInflater(noContextTakeover: false)
        var output: [UInt8] = []
        let cut = compressed.count / 3
        try inflater.inflate(Array(compressed[..<cut]), isFinal: false, into: &output, limit: 1 << 20)
        try inflater.inflate(Array(compressed[cut...]), isFinal: true, into: &output, limit: 1 << 20)
        #expect(output == payload)
    }

    @Test func stopsZipBombsAtTheLimit() throws {
        let deflater = try WebSocketDeflater(windowBits: 15, noContextTakeover: false)
        let bomb = try [UInt8](repeating: 0, count: 8 << 20).withUnsafeBytes { try deflater.compress($0) }
        #expect(bomb.count < 64 * 1024)
        let inflater = try WebSocketInflater(noContextTakeover: false)
        var output: [UInt8] = []
        #expect(throws: WebSocketError.messageTooBig) {
            try inflater.inflate(bomb, isFinal: true, into: &output, limit: 1 << 20)
        }
        #expect(output.count <= 1 << 20)
    }

    @Test func rejectsCorruptData() throws {
        let inflater = try WebSocketInflater(noContextTakeover: false)
        var output: [UInt8] = []
        #expect(throws: WebSocketError.compressionFailed) {
            try inflater.inflate([0xFF, 0xFF, 0xFF, 0xFF], isFinal: true, into: &output, limit: 1 << 20)
        }
    }
}
