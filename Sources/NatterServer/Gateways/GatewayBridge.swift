import Foundation
import HummingbirdWSClient
import Logging
import NatterCodecs
import NatterModel
import Synchronization

/// The I/O shell of one registration: it feeds the connection machine (`GatewayBridgeStateMachine`) and the
/// remote session (`GatewayRemoteSession`) their inputs and performs what they return: logging in over HTTP,
/// running the realtime WebSocket with HummingbirdWSClient, sleeping out the backoff, and handing
/// notifications to the local user's Zimbra sessions. The password is held only to log in, never logged.
final class GatewayBridge: Sendable {
    struct Registration: Sendable {
        let user: String
        let service: String
        let serviceURL: String
        let remoteName: String
        let password: String
    }

    let registration: Registration
    private let tls: GatewayTLS
    private let clock: any ServerClock
    private let logger: Logger
    /// Hands notifications to every Zimbra session of the local user.
    private let deliver: @Sendable ([IMNotification]) -> Void
    /// Where the cursor and the outbox live, so both outlast the process.
    private let store: any GatewayStore

    private struct State: Sendable {
        var machine: GatewayBridgeStateMachine
        var remote: GatewayRemoteSession
        /// Frames for the open WebSocket; `nil` while there is none.
        var outgoing: AsyncStream<String>.Continuation?
        var connection: Task<Void, Never>?
        var retry: Task<Void, Never>?
        /// Tells a finished connection task apart from a newer one.
        var generation = 0
    }

    private let state: Mutex<State>

    init(
        registration: Registration, cursor: String?, outbox: [RealtimeChat], localUserOnline: Bool,
        localDomain: String, tls: GatewayTLS, retry: (initial: Int64, maximum: Int64), clock: any ServerClock,
        logger: Logger, store: any GatewayStore, deliver: @escaping @Sendable ([IMNotification]) -> Void
    ) {
        self.registration = registration
        self.tls = tls
        self.clock = clock
        self.logger = logger
        self.deliver = deliver
        self.store = store
        state = Mutex(
            State(
                machine: GatewayBridgeStateMachine(
                    localUserOnline: localUserOnline, initialDelay: retry.initial, maximumDelay: retry.maximum),
                remote: GatewayRemoteSession(
                    service: registration.service, resource: "gateway-\(localDomain)", cursor: cursor,
                    outbox: outbox)))
    }

    /// The service as IMGatewayList shows it.
    var status: IMGatewayService.Registration {
        let now = instant
        return state.withLock {
            IMGatewayService.Registration(
                name: registration.remoteName, state: $0.machine.state,
                timeUntilNextConnect: $0.machine.timeUntilNextConnect(at: now))
        }
    }

    /// The current `gwStatus`, for a session that has just asked for the roster.
    var statusNotification: IMNotification {
        let status = status
        return .gatewayStatus(
            service: registration.service, state: status.state, timeUntilNextConnect: status.timeUntilNextConnect)
    }

    var rosterItems: [IMRosterItem] { state.withLock { $0.remote.rosterItems } }

    var presenceNotifications: [IMNotification] { state.withLock { $0.remote.presenceNotifications } }

    func begin() { machine { $0.begin() } }

    func reconnect() { machine { $0.reconnect() } }

    func localPresence(_ presence: Presence) {
        machine { $0.localPresence(online: presence.isOnline) }
        remote { $0.setLocalPresence(presence) }
    }

    /// Ends the bridge; its contacts leave the local roster.
    func shutdown(forget: Bool) {
        machine { $0.shutdown() }
        if forget { deliver(state.withLock { $0.remote.removalNotifications }) }
    }

    /// Stores the chat with a new id before it is sent: a resend after a lost ack, even by a restarted natterd,
    /// then carries the same id and the remote drops the duplicate.
    func send(text: String, to remoteJID: String) async throws {
        let chat = RealtimeChat(id: "gw-" + UUID().uuidString.lowercased(), to: remoteJID, text: text)
        try await store.queueGatewayChat(chat, user: registration.user, service: registration.service)
        remote { $0.send(chat) }
    }

    func typing(_ composing: Bool, to remoteJID: String) { remote { $0.typing(composing, to: remoteJID) } }

    // MARK: - Performing the machines' outputs

    private var instant: Int64 { Int64((clock.now().timeIntervalSince1970 * 1000).rounded()) }

    private func machine(_ input: (inout GatewayBridgeStateMachine) -> [GatewayBridgeStateMachine.Action]) {
        let actions = state.withLock { input(&$0.machine) }
        for action in actions { perform(action) }
    }

    private func remote(_ input: (inout GatewayRemoteSession) -> [GatewayRemoteSession.Output]) {
        let outputs = state.withLock { input(&$0.remote) }
        perform(outputs)
    }

    private func perform(_ action: GatewayBridgeStateMachine.Action) {
        switch action {
        case .report(let gatewayState, let timeUntilNextConnect):
            logger.info(
                "gateway state",
                metadata: [
                    "user": "\(registration.user)", "service": "\(registration.service)",
                    "state": "\(gatewayState.rawValue)",
                ])
            deliver([
                .gatewayStatus(
                    service: registration.service, state: gatewayState, timeUntilNextConnect: timeUntilNextConnect)
            ])
        case .connect:
            startConnection()
        case .disconnect:
            let (connection, retry, outgoing) = state.withLock { state in
                defer {
                    state.generation += 1
                    state.connection = nil
                    state.retry = nil
                    state.outgoing = nil
                }
                return (state.connection, state.retry, state.outgoing)
            }
            outgoing?.finish()
            connection?.cancel()
            retry?.cancel()
            remote { $0.disconnected() }
        case .scheduleRetry(let milliseconds):
            let task = Task { [clock] in
                do {
                    try await clock.sleep(for: .milliseconds(milliseconds))
                } catch {
                    return
                }
                self.machine { $0.retryDue(at: self.instant) }
            }
            state.withLock { $0.retry = task }
        }
    }

    private func perform(_ outputs: [GatewayRemoteSession.Output]) {
        for output in outputs {
            switch output {
            case .send(let message):
                _ = state.withLock { $0.outgoing }?.yield(RealtimeCodec.encode(message))
            case .deliver(let notifications):
                deliver(notifications)
            case .storeCursor(let cursor):
                persist("cursor") { [registration] in
                    try await $0.setGatewayCursor(cursor, user: registration.user, service: registration.service)
                }
            case .settled(let id):
                persist("outbox") { try await $0.removeGatewayChat(id: id) }
            case .refused(let id, let reason):
                logger.warning(
                    "gateway chat refused by the remote",
                    metadata: [
                        "user": "\(registration.user)", "service": "\(registration.service)", "reason": "\(reason)",
                    ])
                persist("outbox") { try await $0.removeGatewayChat(id: id) }
            case .authenticated:
                machine { $0.connected() }
            case .authRefused:
                failed(.unauthorized)
            case .otherLocation(let username):
                deliver([.otherLocation(service: registration.service, username: username)])
            }
        }
    }

    private func persist(_ what: String, _ write: @escaping @Sendable (any GatewayStore) async throws -> Void) {
        Task { [store, logger] in
            do {
                try await write(store)
            } catch {
                logger.error("cannot store gateway \(what)", metadata: ["error": "\(error)"])
            }
        }
    }

    private func failed(_ failure: GatewayBridgeStateMachine.Failure) {
        let now = instant
        machine { $0.failed(failure, at: now) }
    }

    // MARK: - The connection

    private func startConnection() {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let generation = state.withLock { state in
            state.generation += 1
            state.outgoing = continuation
            return state.generation
        }
        let task = Task {
            let failure = await self.connect(outgoing: stream)
            continuation.finish()
            // Only the current connection may report its end; a cancelled (replaced) one is already forgotten.
            guard self.state.withLock({ $0.generation == generation }) else { return }
            if let failure { self.failed(failure) }
        }
        state.withLock { if $0.generation == generation { $0.connection = task } }
    }

    /// Logs in and runs the WebSocket until it ends; returns why it ended (`nil` when it was cancelled).
    private func connect(outgoing: AsyncStream<String>) async -> GatewayBridgeStateMachine.Failure? {
        let login = await GatewayRemoteLogin.login(
            serviceURL: registration.serviceURL, name: registration.remoteName, password: registration.password,
            tls: tls)
        if Task.isCancelled { return nil }
        let session: GatewayRemoteLogin.Session
        switch login {
        case .session(let value): session = value
        case .unauthorized: return .unauthorized
        case .accountDisabled: return .accountDisabled
        case .unreachable(let reason):
            logger.warning(
                "gateway login failed",
                metadata: [
                    "user": "\(registration.user)", "service": "\(registration.service)", "reason": "\(reason)",
                ])
            return .unreachable
        }
        do {
            try await WebSocketClient.connect(
                url: session.chatURL, configuration: .init(maxFrameSize: 1 << 20),
                tlsConfiguration: session.chatURL.hasPrefix("wss://") ? tls.configuration : nil, logger: logger
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await frame in outgoing { try await outbound.write(.text(frame)) }
                        try? await outbound.close(.normalClosure, reason: nil)
                    }
                    self.remote { $0.opened(sessionID: session.sessionID) }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message, let decoded = try? RealtimeCodec.decode(text) else {
                            continue
                        }
                        let now = self.clock.now()
                        self.remote { $0.receive(decoded, at: now) }
                    }
                    group.cancelAll()
                }
            }
        } catch {
            logger.notice(
                "gateway connection ended",
                metadata: ["service": "\(registration.service)", "error": "\(GatewayTLS.reason(error) ?? "\(error)")"])
        }
        return Task.isCancelled ? nil : .unreachable
    }
}
