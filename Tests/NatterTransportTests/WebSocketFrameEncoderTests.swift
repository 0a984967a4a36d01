import Testing

@testable import NatterTransport

@Suite struct WebSocketFrameEncoderTests {
    /// RFC 6455 §5.7: a masked "Hello" from a client.
    @Test func matchesRFCMaskedHelloExample() {
        let frame = WebSocketFrameEncoder.encode(
            opcode: .text, payload: Array("Hello".utf8), maskingKey: WebSocketMaskingKey(0x37, 0xFA, 0x21, 0x3D))
        #expect(frame == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    @Test(arguments: [0, 1, 7, 8, 9, 125, 126, 127, 65535, 65536, 100_003])
    func roundTripsThroughUnmasking(length: Int) throws {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) }
        let key = WebSocketMaskingKey(0xDE, 0xAD, 0xBE, 0xEF)
        let frame = WebSocketFrameEncoder.encode(
            opcode: .binary, payload: payload, fin: false, rsv1: true, maskingKey: key)
        #expect(frame[0] == 0x42)
        #expect(frame[1] & 0x80 != 0)
        let headerLength = length < 126 ? 6 : (length <= 0xFFFF ? 8 : 14)
        #expect(frame.count == headerLength + length)
        var body = Array(frame[headerLength...])
        body.withUnsafeMutableBytes { key.apply(to: $0) }
        #expect(body == payload)
    }

    @Test func wordMaskingMatchesByteMasking() {
        let key = WebSocketMaskingKey(1, 2, 3, 4)
        for length in 0..<40 {
            var fast = [UInt8](repeating: 0xAA, count: length)
            fast.withUnsafeMutableBytes { key.apply(to: $0) }
            let slow = (0..<length).map { UInt8(0xAA) ^ [1, 2, 3, 4][$0 % 4] }
            #expect(fast == slow)
        }
    }

    @Test func randomKeysDiffer() {
        let keys = (0..<16).map { _ in WebSocketMaskingKey.random() }
        #expect(keys.contains { $0 != keys[0] })
    }
}
