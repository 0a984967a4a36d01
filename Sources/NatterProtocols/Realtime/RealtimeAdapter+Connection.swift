import Foundation
import NatterEngine
import NatterModel
import NatterTransport

extension RealtimeAdapter {
    /// Connect, serve, and on any failure wait with backoff and try again, until stopped or the login is refused.
    func runConnectionLoop() {
        var attempt = 0
        while !isStopped {
            emit(.session(.connection(.connecting)))
            let failure: any Error
            var authenticatedAt: ContinuousClock.Instant?
            do {
                try serveOneConnection(onAuthenticated: { authenticatedAt = .now })
                failure = RealtimeAdapterError.closed(code: nil, reason: "")
            } catch {
                failure = error
            }
            shared.withLock { $0.link = nil }
            // Only a connection that stayed up resets the backoff: one the server drops right after auth
            // (say, over something we resend) must not turn into a tight reconnect loop.
            if let authenticatedAt, ContinuousClock.now - authenticatedAt > Self.stableConnection { attempt = 0 }
            if isStopped { break }
            if let error = failure as? RealtimeAdapterError, error.isPermanent {
                emit(.session(.connection(.offline(reason: error.description))))
                return
            }
            attempt += 1
            let delay = configuration.backoff.delay(attempt: attempt, random: Double.random(in: 0..<1))
            let reason = String(describing: failure)
            emit(
                .session(
                    .connection(
                        .reconnecting(attempt: attempt, retryAt: Date().addingTimeInterval(delay), reason: reason))))
            _ = wakeUp.wait(timeout: .now() + delay)
        }
        emit(.session(.connection(.offline(reason: nil))))
    }

    static let stableConnection: Duration = .seconds(30)

    private func serveOneConnection(onAuthenticated: () -> Void) throws {
        let login = try RealtimeLogin.parse(
            http.perform(
                RealtimeLogin.request(
                    serverURL: configuration.serverURL, user: configuration.user, password: configuration.password,
                    client: configuration.agent)))
        var socketConfiguration = WebSocketConfiguration()
        socketConfiguration.caFile = configuration.caFile
        socketConfiguration.verifyTLS = configuration.verifyTLS
        socketConfiguration.maxMessageSize = 8 * 1024 * 1024
        socketConfiguration.closeTimeout = .seconds(2)
        let connection = try WebSocketConnection.connect(url: login.chatURL, configuration: socketConfiguration)
        // Whatever ends this connection, shut it down here: that also fails a write stuck on a silent peer.
        defer { connection.close(code: 1001, reason: "reconnecting") }
        let link = RealtimeLink(connection)
        let auth = shared.withLock { shared -> RealtimeMessage? in
            guard !shared.stopped else { return nil }
            shared.link = link
            return shared.session.begin(
                sessionID: login.sessionID, agent: configuration.agent, resource: configuration.resource)
        }
        guard let auth else { return }
        link.send(RealtimeCodec.encode(auth))
        try readUntilClosed(link, onAuthenticated: onAuthenticated)
    }

    /// Reads and dispatches until the connection ends; pings when idle and gives up on a silent server.
    private func readUntilClosed(_ link: RealtimeLink, onAuthenticated: () -> Void) throws {
        let connection = link.connection
        let interval = configuration.pingInterval
        let deadline = interval * configuration.deadAfterPings
        while !isStopped {
            guard let event = try connection.receive(timeout: interval) else {
                if isStopped { return }
                let silence = ContinuousClock.now - connection.lastActivity
                if silence >= deadline { throw RealtimeAdapterError.silent(seconds: Int(silence.components.seconds)) }
                if silence >= interval { link.send(RealtimeCodec.encode(shared.withLock { $0.session.ping() })) }
                continue
            }
            switch event {
            case .closed(let code, let reason):
                throw RealtimeAdapterError.closed(code: code, reason: reason)
            case .message(.binary(let bytes)):
                emit(.session(.notice(.warning("server sent a binary frame of \(bytes.count) bytes; ignored"))))
            case .message(.text(let text)):
                try handle(text, on: link, onAuthenticated: onAuthenticated)
            }
        }
    }

    private func handle(_ text: String, on link: RealtimeLink, onAuthenticated: () -> Void) throws {
        let actions = shared.withLock { $0.session.incoming(text: text, now: Date()) }
        for outgoing in actions.send { link.send(RealtimeCodec.encode(outgoing)) }
        if let failure = actions.failure { throw failure }
        for event in actions.events {
            if case .session(.authenticated) = event { onAuthenticated() }
            emit(event)
        }
    }
}
