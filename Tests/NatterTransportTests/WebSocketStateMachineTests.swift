import Testing

@testable import NatterTransport

extension WebSocketStateMachine {
    /// Uncompressed connections have no inflater to lend.
    fileprivate mutating func receivedFrame(_ frame: WebSocketFrame) -> ReceiveAction {
        receivedFrame(frame, inflater: nil)
    }
}

@Suite struct WebSocketStateMachineTests {
    private func openMachine(
        maxMessageSize: Int = 1 << 20, compression: WebSocketDeflateParameters? = nil
    ) throws
        -> WebSocketStateMachine
    {
        var machine = WebSocketStateMachine(maxMessageSize: maxMessageSize)
        #expect(machine.sendAllowed() != .send)
        machine.handshakeCompleted(compression: compression)
        #expect(machine.state == .open)
        return machine
    }

    private func text(_ string: String, fin: Bool = true, continuation: Bool = false) -> WebSocketFrame {
        WebSocketFrame(fin: fin, opcode: continuation ? .continuation : .text, payload: Array(string.utf8))
    }

    private func expectFailure(_ action: WebSocketStateMachine.ReceiveAction, code: UInt16) {
        guard case .fail(_, let closeCode, let sendClose) = action else {
            Issue.record("expected failure, got \(action)")
            return
        }
        #expect(closeCode == code)
        #expect(sendClose)
    }

    @Test func deliversSingleFrameMessages() throws {
        var machine = try openMachine()
        #expect(machine.receivedFrame(text("hi")) == .deliver(.text("hi")))
        #expect(machine.receivedFrame(WebSocketFrame(opcode: .binary, payload: [1, 2])) == .deliver(.binary([1, 2])))
    }

    @Test func reassemblesFragmentsWithInterleavedControlFrames() throws {
        var machine = try openMachine()
        #expect(machine.receivedFrame(text("frag", fin: false)) == .none)
        #expect(machine.receivedFrame(WebSocketFrame(opcode: .ping, payload: [9])) == .sendPong([9]))
        #expect(machine.receivedFrame(WebSocketFrame(opcode: .pong)) == .none)
        #expect(machine.receivedFrame(text("men", fin: false, continuation: true)) == .none)
        #expect(machine.receivedFrame(text("ted", continuation: true)) == .deliver(.text("fragmented")))
    }

    @Test func rejectsBadFragmentSequences() throws {
        var stray = try openMachine()
        expectFailure(stray.receivedFrame(text("x", continuation: true)), code: 1002)
        #expect(stray.state == .closed)

        var nested = try openMachine()
        _ = nested.receivedFrame(text("a", fin: false))
        expectFailure(nested.receivedFrame(text("b")), code: 1002)
    }

    @Test func rejectsReservedBitsWithoutExtension() throws {
        var rsv1 = try openMachine()
        expectFailure(rsv1.receivedFrame(WebSocketFrame(rsv1: true, opcode: .text)), code: 1002)
        var rsv3 = try openMachine()
        expectFailure(rsv3.receivedFrame(WebSocketFrame(rsv3: true, opcode: .ping)), code: 1002)
    }

    @Test func failsInvalidUTF8AtTheOffendingFragment() throws {
        var machine = try openMachine()
        #expect(machine.receivedFrame(text("κ", fin: false)) == .none)
        expectFailure(
            machine.receivedFrame(WebSocketFrame(fin: false, opcode: .continuation, payload: [0xED, 0xA0, 0x80])),
            code: 1007)
        var truncated = try openMachine()
        expectFailure(truncated.receivedFrame(WebSocketFrame(opcode: .text, payload: [0xCE])), code: 1007)
    }

    @Test func enforcesMessageSizeAcrossFragments() throws {
        var machine = try openMachine(maxMessageSize: 10)
        #expect(
            machine.receivedFrame(WebSocketFrame(fin: false, opcode: .binary, payload: Array(repeating: 0, count: 6)))
                == .none)
        expectFailure(
            machine.receivedFrame(WebSocketFrame(opcode: .continuation, payload: Array(repeating: 0, count: 6))),
            code: 1009)
    }

    @Test func echoesPeerCloseAndReportsIt() throws {
        var machine = try openMachine()
        let action = machine.receivedFrame(WebSocketFrame(opcode: .close, payload: [0x03, 0xE8] + Array("bye".utf8)))
        #expect(action == .replyToClose(reply: [0x03, 0xE8], code: 1000, reason: "bye"))
        #expect(machine.state == .closed)
        #expect(machine.receivedFrame(text("late")) == .none)

        var empty = try openMachine()
        #expect(empty.receivedFrame(WebSocketFrame(opcode: .close)) == .replyToClose(reply: [], code: nil, reason: ""))
    }

    @Test(arguments: [UInt16(0), 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000])
    func rejectsInvalidCloseCodes(code: UInt16) throws {
        var machine = try openMachine()
        let payload = [UInt8(code >> 8), UInt8(code & 0xFF)]
        expectFailure(machine.receivedFrame(WebSocketFrame(opcode: .close, payload: payload)), code: 1002)
    }

    @Test func rejectsMalformedClosePayloads() throws {
        var oneByte = try openMachine()
        expectFailure(oneByte.receivedFrame(WebSocketFrame(opcode: .close, payload: [0x03])), code: 1002)
        var badReason = try openMachine()
        expectFailure(badReason.receivedFrame(WebSocketFrame(opcode: .close, payload: [0x03, 0xE8, 0xFF])), code: 1007)
    }

    @Test func closeHandshakeWeStart() throws {
        var machine = try openMachine()
        let first = machine.startClosing()
        let second = machine.startClosing()
        #expect(first && !second)
        #expect(machine.sendAllowed() != .send)
        #expect(machine.receivedFrame(WebSocketFrame(opcode: .ping)) == .none)
        #expect(machine.receivedFrame(text("in flight")) == .none)
        let reply = machine.receivedFrame(WebSocketFrame(opcode: .close, payload: [0x03, 0xE8]))
        #expect(reply == .closeCompleted(code: 1000, reason: ""))
        #expect(machine.connectionLost() == nil)
    }

    @Test func lostConnectionReportsAbnormalClosure() throws {
        var machine = try openMachine()
        #expect(machine.connectionLost() == .closed(code: 1006, reason: "connection closed without a close handshake"))
        #expect(machine.state == .closed)
    }

    @Test func parserErrorsFailWithTheirCloseCode() throws {
        var machine = try openMachine()
        expectFailure(machine.parserFailed(.messageTooBig("x")), code: 1009)
    }

    @Test func inflatesCompressedMessages() throws {
        var machine = try openMachine(compression: WebSocketDeflateParameters())
        let inflater = try WebSocketInflater(noContextTakeover: false)
        let deflater = try WebSocketDeflater(windowBits: 15, noContextTakeover: false)
        let compressed = try Array("Hello, Hello, Hello".utf8).withUnsafeBytes { try deflater.compress($0) }
        let half = compressed.count / 2
        let first = WebSocketFrame(fin: false, rsv1: true, opcode: .text, payload: Array(compressed[..<half]))
        #expect(machine.receivedFrame(first, inflater: inflater) == .none)
        let last = WebSocketFrame(opcode: .continuation, payload: Array(compressed[half...]))
        #expect(machine.receivedFrame(last, inflater: inflater) == .deliver(.text("Hello, Hello, Hello")))
        let stray = WebSocketFrame(fin: true, rsv1: true, opcode: .continuation)
        expectFailure(machine.receivedFrame(stray, inflater: inflater), code: 1002)
    }

    @Test func aCompressedMessageWithoutTheConnectionsInflaterFails() throws {
        var machine = try openMachine(compression: WebSocketDeflateParameters())
        expectFailure(
            machine.receivedFrame(WebSocketFrame(rsv1: true, opcode: .text, payload: [0x02, 0x00])), code: 1007)
    }
}

@Suite struct WebSocketPartialFrameTests {
    @Test func failsInvalidUTF8BeforeTheFrameIsComplete() throws {
        var parser = WebSocketFrameParser()
        var machine = WebSocketStateMachine(maxMessageSize: 1 << 20)
        machine.handshakeCompleted(compression: nil)
        parser.append([0x81, 20] + Array("valid".utf8))
        var partial = try #require(parser.partialFrame())
        #expect(machine.receivedPartialFrame(partial) == .none)
        parser.append([0xF4, 0x90])
        partial = try #require(parser.partialFrame())
        guard case .fail(_, 1007, true) = machine.receivedPartialFrame(partial) else {
            Issue.record("expected 1007 before the frame completed")
            return
        }
    }

    @Test func leavesBinaryAndCompleteFramesAlone() throws {
        var parser = WebSocketFrameParser()
        var machine = WebSocketStateMachine(maxMessageSize: 1 << 20)
        machine.handshakeCompleted(compression: nil)
        parser.append([0x82, 4, 0xFF, 0xFE])
        let partial = try #require(parser.partialFrame())
        #expect(machine.receivedPartialFrame(partial) == .none)
        parser.append([0xFD, 0xFC])
        #expect(parser.partialFrame() == nil)
        let frame = try #require(try parser.nextFrame())
        #expect(machine.receivedFrame(frame) == .deliver(.binary([0xFF, 0xFE, 0xFD, 0xFC])))
    }

    @Test func continuationPrefixContinuesTheMessageState() throws {
        var parser = WebSocketFrameParser()
        var machine = WebSocketStateMachine(maxMessageSize: 1 << 20)
        machine.handshakeCompleted(compression: nil)
        #expect(machine.receivedFrame(WebSocketFrame(fin: false, opcode: .text, payload: [0xCE])) == .none)
        parser.append([0x80, 10, 0xBA])
        let partial = try #require(parser.partialFrame())
        #expect(machine.receivedPartialFrame(partial) == .none)
        parser.append(Array("123456789".utf8))
        let frame = try #require(try parser.nextFrame())
        #expect(machine.receivedFrame(frame) == .deliver(.text("κ123456789")))
    }
}
