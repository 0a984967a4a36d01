import HummingbirdWebSocket
import Logging
import NatterCodecs

/// The I/O shell around one Realtime WebSocket: reads frames, feeds the state machine, runs its actions.
///
/// All frames to the client, replies and pushed deliveries alike, go through one outbox queue drained by a
/// single writer task, so their order is the order in which they were produced.
struct RealtimeConnection: Sendable {
    let service: RealtimeService
    let maxMessageSize: Int
    let authenticationTimeout: Duration

    /// Three tasks: the reader feeds the state machine, a watchdog enforces the authentication deadline, and
    /// the writer (this task) drains the outbox. The writer stops when the reader is done or when the server
    /// decides to close; then the others are cancelled, so returning never waits on a client that has
    /// stopped talking, and Hummingbird completes the close handshake with its own timeout.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async throws {
        let outbox = RealtimeOutbox(domain: service.domain)
        let id = await service.hub.makeSessionID()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await read(inbound, connection: id, outbox: outbox, logger: logger)
            }
            group.addTask {
                try await service.core.clock.sleep(for: authenticationTimeout)
                if await !service.hub.isRegistered(id) { outbox.close(.authenticationTimeout) }
            }
            do {
                try await write(outbox, to: outbound, logger: logger)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
            // The reader's error (an oversized frame, invalid UTF-8) picks the close code Hummingbird sends.
            try await group.waitForAll()
        }
    }

    private func write(_ outbox: RealtimeOutbox, to outbound: WebSocketOutboundWriter, logger: Logger) async throws {
        for await frame in outbox.frames { try await outbound.write(.text(frame)) }
        switch outbox.closingReason {
        case .overflowed:
            try await outbound.close(.policyViolation, reason: "client is not reading its frames")
        case .authenticationTimeout:
            logger.debug("realtime connection closed before auth")
            try await outbound.close(.policyViolation, reason: "authentication timeout")
        case nil:
            break
        }
    }

    private func read(
        _ inbound: WebSocketInboundStream, connection id: HubSessionID, outbox: RealtimeOutbox,
        logger: Logger
    ) async throws {
        var machine = RealtimeConnectionStateMachine()
        do {
            for try await message in inbound.messages(maxSize: maxMessageSize) {
                let action =
                    switch message {
                    case .text(let text): machine.receive(text: text)
                    case .binary: machine.receiveBinary()
                    }
                await perform(action, machine: &machine, connection: id, outbox: outbox, logger: logger)
            }
        } catch {
            await finish(machine.session, outbox: outbox)
            // Cancelled means the server closed the connection; nothing went wrong on the client's side.
            if Task.isCancelled { return }
            logger.debug("realtime connection ended", metadata: ["error": "\(error)"])
            throw error
        }
        await finish(machine.session, outbox: outbox)
    }

    private func finish(_ session: HubSession?, outbox: RealtimeOutbox) async {
        if let session {
            service.readMarkers.detach(session)
            await service.core.detach(session)
        }
        outbox.finish()
    }

    private func perform(
        _ action: RealtimeConnectionStateMachine.Action, machine: inout RealtimeConnectionStateMachine,
        connection: HubSessionID, outbox: RealtimeOutbox, logger: Logger
    ) async {
        switch action {
        case .reply(let message):
            outbox.send(message)
        case .authenticate(let auth):
            do {
                let session = try await service.authenticate(auth, session: connection, outbox: outbox)
                machine.authenticated(session)
                service.readMarkers.attach(session, outbox: outbox)
                logger.info("realtime session authenticated", metadata: ["jid": "\(session.jid)"])
                if let id = auth.id {
                    let ack = RealtimeAck(
                        replyTo: id, replyType: "auth", response: ["jid": .string(session.jid.description)])
                    outbox.send(.ack(ack))
                }
            } catch {
                outbox.send(.error(error))
            }
        case .handle(let message, let session):
            do {
                let response = try await handle(message, session: session)
                if let id = message.id {
                    let ack = RealtimeAck(replyTo: id, replyType: message.type, response: response)
                    outbox.send(.ack(ack))
                }
            } catch {
                outbox.send(.error(error))
            }
        }
    }
}
