import Testing

@testable import NatterTransport

@Suite struct WebSocketFrameParserTests {
    @Test func parsesUnmaskedTextFrame() throws {
        var parser = WebSocketFrameParser()
        parser.append([0x81, 0x05] + Array("Hello".utf8))
        let frame = try #require(try parser.nextFrame())
        #expect(frame == WebSocketFrame(fin: true, opcode: .text, payload: Array("Hello".utf8)))
        #expect(try parser.nextFrame() == nil)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func waitsForWholeFrameAcrossSplitInput() throws {
        var parser = WebSocketFrameParser()
        let bytes: [UInt8] = [0x02, 0x03, 1, 2, 3, 0x80, 0x00]
        for byte in bytes.prefix(4) {
            #expect(try parser.nextFrame() == nil)
            parser.append([byte])
        }
        #expect(try parser.nextFrame() == nil)
        parser.append(bytes.dropFirst(4))
        #expect(try parser.nextFrame() == WebSocketFrame(fin: false, opcode: .binary, payload: [1, 2, 3]))
        #expect(try parser.nextFrame() == WebSocketFrame(fin: true, opcode: .continuation, payload: []))
    }

    @Test func parses16And64BitLengths() throws {
        var parser = WebSocketFrameParser()
        let medium = [UInt8](repeating: 7, count: 300)
        let large = [UInt8](repeating: 9, count: 70_000)
        parser.append([0x82, 126, 0x01, 0x2C] + medium)
        parser.append([0x82, 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70] + large)
        #expect(try parser.nextFrame()?.payload == medium)
        #expect(try parser.nextFrame()?.payload == large)
    }

    @Test func reportsReservedBitsWithoutJudgingThem() throws {
        var parser = WebSocketFrameParser()
        parser.append([0xF1, 0x00])
        let frame = try #require(try parser.nextFrame())
        #expect(frame.rsv1 && frame.rsv2 && frame.rsv3)
    }

    @Test(arguments: [UInt8(3), 7, 0xB, 0xF])
    func rejectsReservedOpcodes(opcode: UInt8) {
        var parser = WebSocketFrameParser()
        parser.append([0x80 | opcode, 0x00])
        #expect(throws: WebSocketError.protocolViolation) { try parser.nextFrame() }
    }

    @Test func rejectsMaskedServerFrames() {
        var parser = WebSocketFrameParser()
        parser.append([0x81, 0x81, 1, 2, 3, 4, 0x61])
        #expect(throws: WebSocketError.protocolViolation) { try parser.nextFrame() }
    }

    @Test func rejectsFragmentedAndOversizedControlFrames() {
        var fragmented = WebSocketFrameParser()
        fragmented.append([0x09, 0x00])
        #expect(throws: WebSocketError.protocolViolation) { try fragmented.nextFrame() }

        var oversized = WebSocketFrameParser()
        oversized.append([0x89, 126, 0x00, 126])
        #expect(throws: WebSocketError.protocolViolation) { try oversized.nextFrame() }
    }

    @Test func rejectsFramesOverTheLimitFromTheHeaderAlone() {
        var parser = WebSocketFrameParser(maxFrameSize: 1000)
        parser.append([0x82, 126, 0x03, 0xE9])
        #expect(throws: WebSocketError.messageTooBig) { try parser.nextFrame() }

        var huge = WebSocketFrameParser()
        huge.append([0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: WebSocketError.protocolViolation) { try huge.nextFrame() }
    }

    @Test func manySmallFramesInOneBuffer() throws {
        var parser = WebSocketFrameParser()
        var wire: [UInt8] = []
        for index in 0..<10_000 { wire += [0x82, 0x02, UInt8(index & 0xFF), UInt8(index >> 8)] }
        parser.append(wire)
        var count = 0
        while let frame = try parser.nextFrame() {
            #expect(frame.payload == [UInt8(count & 0xFF), UInt8(count >> 8)])
            count += 1
        }
        #expect(count == 10_000)
    }
}
