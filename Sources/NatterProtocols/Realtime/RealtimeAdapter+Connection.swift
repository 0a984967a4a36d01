import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTransport

extension RealtimeAdapter {
    /// One connection from login to its end, run by the supervisor on its link thread. Returns or throws when
    /// the connection is gone; the supervisor decides whether and when to try again.
    func serveOneConnection(_ supervised: LinkSupervisor.Link) throws {
        let request = try ServerLogin.checkedRequest(
            serverURL: configuration.serverURL, user: configuration.user, password: configuration.password,
            client: configuration.agent)
        let response: HTTPResponse
        do {
            response = try http.perform(request)
        } catch let error as HTTPError where error.kind == .timedOut {
            throw PlainHTTPProbe.diagnose(configuration.serverURL, http: http) ?? error
        }
        let login = try ServerLogin.parse(response)
        var socketConfiguration = WebSocketConfiguration()
        socketConfiguration.caFile = configuration.caFile
        socketConfiguration.verifyTLS = configuration.verifyTLS
        socketConfiguration.maxMessageSize = 8 * 1024 * 1024
        socketConfiguration.closeTimeout = .seconds(2)
        let connection = try WebSocketConnection.connect(
            url: login.webSocketURL(for: "chat"), configuration: socketConfiguration)
        // Whatever ends this connection, shut it down here: that also fails a write stuck on a silent peer.
        defer { connection.close(code: 1001, reason: "reconnecting") }
        let link = WebSocketLink(connection, label: "natter.realtime.writer")
        defer { shared.withLock { $0.link = nil } }
        shared.withLock { $0.link = link }
        // After publishing the link: either `stop` sees it and interrupts it, or this sees that it stopped.
        guard !isStopped else { return }
        let auth = shared.withLock {
            $0.session.begin(sessionID: login.sessionID, agent: configuration.agent, resource: configuration.resource)
        }
        link.send(RealtimeCodec.encode(auth))
        try readUntilClosed(link, onAuthenticated: supervised.connected)
        throw RealtimeAdapterError.closed(code: nil, reason: "")
    }

    /// Reads and dispatches until the connection ends; pings when idle and gives up on a silent server.
    private func readUntilClosed(_ link: WebSocketLink, onAuthenticated: () -> Void) throws {
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

    private func handle(_ text: String, on link: WebSocketLink, onAuthenticated: () -> Void) throws {
        let actions = shared.withLock { $0.session.incoming(text: text, now: Date()) }
        for outgoing in actions.send { link.send(RealtimeCodec.encode(outgoing)) }
        if let failure = actions.failure { throw failure }
        for event in actions.events {
            if case .session(.authenticated) = event { onAuthenticated() }
            emit(event)
        }
    }
}
