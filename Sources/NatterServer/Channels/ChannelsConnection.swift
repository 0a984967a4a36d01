import Foundation
import HummingbirdWebSocket
import Logging
import NatterCodecs
import Synchronization

/// The I/O shell around one Channels WebSocket: reads frames, feeds the state machine, has the service answer,
/// and writes everything through one outbox so frames leave in the order they were produced.
struct ChannelsConnection: Sendable {
    let service: ChannelsService
    let maxMessageSize: Int
    /// How often the login session is checked: revoking it, or leaving it unused past its lifetime, ends the
    /// connection within this interval.
    let sessionCheckInterval: Duration
    let sessionLifetime: Duration

    /// Three tasks: the reader, the session watchdog, and the writer (this task). The writer stops when the
    /// reader is done or the outbox is closed (session ended, client not reading); then the others are
    /// cancelled.
    func run(
        user: StoredUser, loginSession: String, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
        logger: Logger
    ) async throws {
        let outbox = ChannelsOutbox()
        let core = service.core
        let id = await core.hub.makeSessionID()
        let session: HubSession
        do {
            session = try await core.attach(
                user: user, resource: "channels", id: id, subscriber: outbox, loginSession: loginSession)
        } catch {
            try await outbound.close(.unexpectedServerError, reason: "\(error)")
            return
        }
        await service.registry.add(id, userID: user.id, outbox: outbox)
        let caller = ChannelsCaller(connection: id, session: session)
        let machine = MachineBox(ChannelsConnectionStateMachine())
        logger.info("channels connection", metadata: ["jid": "\(session.jid)"])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { outbox.finish() }
                try await read(inbound, caller: caller, machine: machine, outbox: outbox)
            }
            group.addTask {
                try await watch(loginSession, machine: machine, outbox: outbox)
            }
            defer { group.cancelAll() }
            do {
                try await write(outbox, to: outbound, logger: logger)
            } catch {
                await finish(caller)
                throw error
            }
            group.cancelAll()
            await finish(caller)
            // The reader's error (an oversized frame, invalid UTF-8) picks the close code Hummingbird sends.
            try await group.waitForAll()
        }
    }

    private func finish(_ caller: ChannelsCaller) async {
        let wasVisible = await service.registry.announcement(ofUser: caller.user.id) != nil
        await service.registry.remove(caller.connection)
        await service.core.detach(caller.session)
        // Whoever saw the member online learns that it left.
        guard wasVisible else { return }
        var ignored = ChannelsOutcome(ack: ChannelAck(replyTo: nil, status: true))
        try? await service.announceChange(of: caller.user, caller: nil, into: &ignored)
    }

    private func read(
        _ inbound: WebSocketInboundStream, caller: ChannelsCaller, machine: MachineBox, outbox: ChannelsOutbox
    ) async throws {
        for try await message in inbound.messages(maxSize: maxMessageSize) {
            let action =
                switch message {
                case .text(let text): machine.withLock { $0.receive(text: text) }
                case .binary: machine.withLock { $0.receiveBinary() }
                }
            switch action {
            case .reply(let ack):
                outbox.send(.ack(ack))
            case .handle(let message):
                let outcome = await service.handle(message, from: caller)
                outbox.send(.ack(outcome.ack))
                for reply in outcome.replies { outbox.send(reply) }
            }
        }
    }

    private func watch(_ loginSession: String, machine: MachineBox, outbox: ChannelsOutbox) async throws {
        let lifetime = sessionLifetime.components
        let seconds = TimeInterval(lifetime.seconds) + TimeInterval(lifetime.attoseconds) * 1e-18
        let clock = service.core.clock
        while true {
            try await clock.sleep(for: sessionCheckInterval)
            let now = clock.now()
            if machine.withLock({ $0.sessionCheck() }) == .touchAndVerify {
                // Touching a deleted session changes nothing, so a revoked one stays revoked.
                try? await service.core.storage.touchSession(loginSession, now: now)
            }
            let live = try? await service.store.isSessionLive(loginSession, usedSince: now.addingTimeInterval(-seconds))
            if live == false {
                outbox.close(.sessionEnded)
                return
            }
        }
    }

    private func write(_ outbox: ChannelsOutbox, to outbound: WebSocketOutboundWriter, logger: Logger) async throws {
        for await frame in outbox.frames { try await outbound.write(.text(frame)) }
        switch outbox.closingReason {
        case .overflowed:
            try await outbound.close(.policyViolation, reason: "client is not reading its frames")
        case .sessionEnded:
            logger.info("channels connection closed: login session revoked or expired")
            try await outbound.close(.policyViolation, reason: "login session revoked or expired")
        case nil:
            break
        }
    }
}

/// The state machine, shared by the reader and the session watchdog.
final class MachineBox: Sendable {
    private let machine: Mutex<ChannelsConnectionStateMachine>

    init(_ machine: ChannelsConnectionStateMachine) { self.machine = Mutex(machine) }

    func withLock<T>(_ body: (inout ChannelsConnectionStateMachine) -> T) -> T { machine.withLock { body(&$0) } }
}
