extension WebSocketConnection {
    /// Blocks until a whole message arrives, the connection ends, `timeout` passes or `interrupt()`
    /// is called (the last two return nil). Pings are answered and the close handshake completed
    /// here. After the final `.closed` event (or a thrown failure), further calls throw.
    public func receive(timeout: Duration?) throws -> WebSocketEvent? {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        return try receiveLock.withLock { try receiveLocked(deadline: deadline, interruptible: true) }
    }

    /// The receive loop; the caller holds `receiveLock`.
    func receiveLocked(deadline: ContinuousClock.Instant?, interruptible: Bool) throws -> WebSocketEvent? {
        guard !finished else { throw WebSocketError.connectionClosed }
        while true {
            if let event = try processBufferedFrames() { return event }
            if let partial = parser.partialFrame() {
                let action = stateLock.withLock { stateMachine.receivedPartialFrame(partial) }
                if let event = try perform(action) { return event }
            }
            let result = try transport.read(into: readBuffer, deadline: deadline, interruptible: interruptible)
            switch result {
            case .bytes(let count):
                parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
                let now = ContinuousClock.now
                stateLock.withLock { lastActivityInstant = now }
            case .timedOut, .interrupted:
                return nil
            case .endOfStream:
                finished = true
                transport.shutdown()
                let event = stateLock.withLock { stateMachine.connectionLost() }
                return event ?? .closed(code: WebSocketCloseCode.abnormal, reason: "connection closed")
            }
        }
    }

    private func processBufferedFrames() throws -> WebSocketEvent? {
        while true {
            let action: WebSocketStateMachine.ReceiveAction
            do {
                guard let frame = try parser.nextFrame() else { return nil }
                action = stateLock.withLock { stateMachine.receivedFrame(frame, inflater: inflater) }
            } catch {
                action = stateLock.withLock { stateMachine.parserFailed(error) }
            }
            if let event = try perform(action) { return event }
        }
    }

    private func perform(_ action: WebSocketStateMachine.ReceiveAction) throws -> WebSocketEvent? {
        switch action {
        case .none:
            return nil
        case .deliver(let message):
            return .message(message)
        case .sendPong(let payload):
            try sendLock.withLock { try writeFrame(opcode: .pong, payload: payload) }
            return nil
        case .replyToClose(let reply, let code, let reason):
            let deadline = ContinuousClock.now + configuration.closeTimeout
            sendLock.withLock { try? writeFrame(opcode: .close, payload: reply, deadline: deadline) }
            awaitServerShutdown()
            return .closed(code: code, reason: reason)
        case .closeCompleted(let code, let reason):
            awaitServerShutdown()
            return .closed(code: code, reason: reason)
        case .fail(let error, let closeCode, let sendClose):
            if sendClose {
                sendLock.withLock {
                    let payload = WebSocketCloseCode.payload(code: closeCode, reason: "")
                    try? writeFrame(
                        opcode: .close, payload: payload, deadline: ContinuousClock.now + configuration.closeTimeout)
                }
            }
            finished = true
            transport.shutdown()
            throw error
        }
    }

    /// RFC 6455 §7.1.1: the server should close TCP first so it, not we, holds TIME_WAIT. Wait for
    /// its EOF up to `closeTimeout`, discarding anything else, then drop the connection regardless.
    private func awaitServerShutdown() {
        finished = true
        let deadline = ContinuousClock.now + configuration.closeTimeout
        while let result = try? transport.read(into: readBuffer, deadline: deadline, interruptible: false),
            case .bytes = result
        {}
        transport.shutdown()
    }
}
