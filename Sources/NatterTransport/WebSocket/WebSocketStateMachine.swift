/// The client connection lifecycle (RFC 6455 §4, §5.5, §7) as a pure state machine: frames and events
/// in, actions out. `WebSocketConnection` performs the actions.
///
/// It holds no zlib state: the connection owns the inflater and lends it to `receivedFrame`, so copying
/// the machine copies plain values only.
public struct WebSocketStateMachine: Sendable {
    public enum State: Sendable, Equatable {
        case connecting
        case open
        /// We sent a close frame and wait for the peer's.
        case closing
        case closed
    }

    public enum ReceiveAction: Sendable, Equatable {
        case none
        case deliver(WebSocketMessage)
        case sendPong([UInt8])
        /// The peer started the close handshake: echo `reply`, then report `closed`.
        case replyToClose(reply: [UInt8], code: UInt16?, reason: String)
        /// The peer answered our close frame: the handshake is complete.
        case closeCompleted(code: UInt16?, reason: String)
        /// Fail the connection (RFC 6455 §7.1.7): send a close frame with `closeCode` if `sendClose`,
        /// then drop the connection and surface `error`.
        case fail(WebSocketError, closeCode: UInt16, sendClose: Bool)
    }

    public enum SendAction: Sendable, Equatable {
        case send
        case refuse(WebSocketError)
    }

    public private(set) var state: State = .connecting
    public private(set) var compression: WebSocketDeflateParameters?
    private var assembler: WebSocketMessageAssembler

    public init(maxMessageSize: Int) {
        assembler = WebSocketMessageAssembler(maxMessageSize: maxMessageSize)
    }

    public mutating func handshakeCompleted(compression: WebSocketDeflateParameters?) {
        precondition(state == .connecting, "handshake completed twice")
        self.compression = compression
        if compression != nil { assembler.enableInflate() }
        state = .open
    }

    /// `inflater` is the connection's, needed only when `compression` was negotiated.
    mutating func receivedFrame(_ frame: WebSocketFrame, inflater: WebSocketInflater?) -> ReceiveAction {
        guard state == .open || state == .closing else { return .none }
        guard !frame.rsv2 && !frame.rsv3 else {
            return fail(.protocolViolation("RSV2/RSV3 set without a negotiated extension"))
        }
        switch frame.opcode {
        case .ping:
            guard !frame.rsv1 else { return fail(.protocolViolation("RSV1 set on a control frame")) }
            // Once our close frame is out we may send nothing more, not even pongs.
            return state == .open ? .sendPong(frame.payload) : .none
        case .pong:
            guard !frame.rsv1 else { return fail(.protocolViolation("RSV1 set on a control frame")) }
            return .none
        case .close:
            guard !frame.rsv1 else { return fail(.protocolViolation("RSV1 set on a control frame")) }
            return receivedClose(frame.payload)
        default:
            do {
                guard let message = try assembler.consume(frame, inflater: inflater) else { return .none }
                // Data that crosses our close frame is legal but nobody is waiting for it any more.
                return state == .open ? .deliver(message) : .none
            } catch {
                return fail(error)
            }
        }
    }

    private mutating func receivedClose(_ payload: [UInt8]) -> ReceiveAction {
        let parsed: (code: UInt16?, reason: String)
        do {
            parsed = try WebSocketCloseCode.parse(payload)
        } catch {
            return fail(error)
        }
        if state == .closing {
            state = .closed
            return .closeCompleted(code: parsed.code, reason: parsed.reason)
        }
        state = .closed
        // Echo the status code only, as most peers do; the reason is the peer's, not ours.
        let reply = WebSocketCloseCode.payload(code: parsed.code, reason: "")
        return .replyToClose(reply: reply, code: parsed.code, reason: parsed.reason)
    }

    /// A frame is still arriving; fail now if what arrived so far already breaks the rules.
    public mutating func receivedPartialFrame(_ partial: WebSocketFrameParser.PartialFrame) -> ReceiveAction {
        guard state == .open || state == .closing else { return .none }
        do {
            try assembler.inspect(partial)
            return .none
        } catch {
            return fail(error)
        }
    }

    /// The frame parser rejected the byte stream.
    public mutating func parserFailed(_ error: WebSocketError) -> ReceiveAction {
        guard state == .open || state == .closing else { return .none }
        return fail(error)
    }

    private mutating func fail(_ error: WebSocketError) -> ReceiveAction {
        let sendClose = state == .open
        state = .closed
        return .fail(error, closeCode: error.closeCode, sendClose: sendClose)
    }

    /// Asked before each data frame, ping or pong the application sends.
    public func sendAllowed() -> SendAction {
        switch state {
        case .open: return .send
        case .connecting: return .refuse(.connectionClosed("handshake not complete"))
        case .closing, .closed: return .refuse(.connectionClosed("close handshake started"))
        }
    }

    /// The application wants to close; true means a close frame must be sent now.
    public mutating func startClosing() -> Bool {
        guard state == .open else { return false }
        state = .closing
        return true
    }

    /// The byte stream ended (or the close timeout expired) without a completed close handshake.
    public mutating func connectionLost() -> WebSocketEvent? {
        guard state != .closed else { return nil }
        state = .closed
        return .closed(code: WebSocketCloseCode.abnormal, reason: "connection closed without a close handshake")
    }
}
