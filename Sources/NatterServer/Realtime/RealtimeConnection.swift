import HummingbirdWebSocket
import Logging
import NatterProtocols

/// The I/O shell around one Realtime WebSocket: reads frames, feeds the state machine, runs its actions.
///
/// All frames to the client, replies and pushed deliveries alike, go through one outbox queue drained by a
/// single writer task, so their order is the order in which they were produced.
struct RealtimeConnection: Sendable {
    let service: RealtimeService
    let maxMessageSize: Int

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async throws {
        let outbox = RealtimeOutbox()
        let id = await service.hub.makeConnectionID()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in outbox.frames { try await outbound.write(.text(frame)) }
                if outbox.hasOverflowed {
                    try await outbound.close(.policyViolation, reason: "client is not reading its frames")
                }
            }
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
                logger.debug("realtime connection ended", metadata: ["error": "\(error)"])
                await finish(machine.session, outbox: outbox)
                group.cancelAll()
                throw error
            }
            await finish(machine.session, outbox: outbox)
            try await group.waitForAll()
        }
    }

    private func finish(_ session: RealtimeService.Session?, outbox: RealtimeOutbox) async {
        if let session { await service.detach(session) }
        outbox.finish()
    }

    private func perform(
        _ action: RealtimeConnectionStateMachine.Action, machine: inout RealtimeConnectionStateMachine,
        connection: RealtimeConnectionID, outbox: RealtimeOutbox, logger: Logger
    ) async {
        switch action {
        case .reply(let message):
            outbox.send(message)
        case .authenticate(let auth):
            do {
                let session = try await service.authenticate(auth, connection: connection, sink: .webSocket(outbox))
                machine.authenticated(session)
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
