import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTransport
import Synchronization

/// The Channels adapter (Cloudonix API.Messaging): logs in over HTTP, opens `/messaging` with the session as
/// bearer token, and reconnects with backoff under a `LinkSupervisor`, catching up on each channel's archive.
///
/// The pure `ChannelSession` does the protocol; commands are encoded under the state lock and written from the
/// link's serial queue, so the UI thread never waits on the network.
public final class ChannelsAdapter: ChatAdapter {
    struct Shared {
        var session: ChannelSession
        var link: WebSocketLink?
    }

    let configuration: ChannelsAdapterConfiguration
    let shared: Mutex<Shared>
    let lifecycle = AdapterLifecycle()
    let http: HTTPClient

    public init(configuration: ChannelsAdapterConfiguration) {
        self.configuration = configuration
        let account =
            JID(configuration.user, defaultDomain: configuration.domain)
            ?? JID(local: configuration.user, domain: configuration.domain)
        shared = Mutex(Shared(session: ChannelSession(account: account)))
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        http = HTTPClient(configuration: httpConfiguration)
    }

    public var protocolKind: ProtocolKind { .channels }
    public var capabilities: Set<Capability> { ChannelSession.capabilities }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        lifecycle.start(
            name: "natter.channels",
            configuration: ReconnectStateMachine.Configuration(backoff: configuration.backoff, stablePeriod: 30),
            sink: sink, body: { [self] link in try serveOneConnection(link) })
    }

    public func perform(_ command: AdapterCommand) {
        let now = configuration.clock()
        let (messages, link) = shared.withLock { shared in (shared.session.outgoing(command, now: now), shared.link) }
        guard let link else { return }
        for message in messages { link.send(ChannelCodec.encode(message)) }
    }

    public func stop() {
        lifecycle.stop { shared.withLock { $0.link }?.close() }
    }

    func emit(_ event: EngineEvent) { lifecycle.emit(event) }

    var isStopped: Bool { lifecycle.isStopped }

    /// One connection from login to its end, on the supervisor's link thread.
    func serveOneConnection(_ supervised: LinkSupervisor.Link) throws {
        let login = try ServerLogin.parse(
            http.perform(
                ServerLogin.request(
                    serverURL: configuration.serverURL, user: configuration.user, password: configuration.password,
                    client: configuration.agent)))
        var socketConfiguration = WebSocketConfiguration()
        socketConfiguration.caFile = configuration.caFile
        socketConfiguration.verifyTLS = configuration.verifyTLS
        socketConfiguration.closeTimeout = .seconds(2)
        socketConfiguration.additionalHeaders = [("Authorization", "Bearer \(login.sessionID)")]
        let connection = try WebSocketConnection.connect(
            url: try login.webSocketURL(for: "messaging"), configuration: socketConfiguration)
        defer { connection.close(code: 1001, reason: "reconnecting") }
        let link = WebSocketLink(connection, label: "natter.channels.writer")
        defer { shared.withLock { $0.link = nil } }
        shared.withLock { $0.link = link }
        // After publishing the link: either `stop` sees it and interrupts it, or this sees that it stopped.
        guard !isStopped else { return }
        let opening = shared.withLock { $0.session.begin() }
        emit(.session(.authenticated(shared.withLock { $0.session.account })))
        supervised.connected()
        for message in opening { link.send(ChannelCodec.encode(message)) }
        try readUntilClosed(link)
    }

    /// Reads and dispatches until the connection ends; pings when idle and gives up on a silent server.
    private func readUntilClosed(_ link: WebSocketLink) throws {
        let connection = link.connection
        let interval = configuration.pingInterval
        while !isStopped {
            guard let event = try connection.receive(timeout: interval) else {
                if isStopped { return }
                let silence = ContinuousClock.now - connection.lastActivity
                if silence >= interval * 3 { throw ChannelsAdapterError.silent }
                link.writer.async { try? connection.sendPing() }
                continue
            }
            switch event {
            case .closed(let code, let reason):
                throw ChannelsAdapterError.closed(code: code, reason: reason)
            case .message(.binary):
                continue
            case .message(.text(let text)):
                let now = configuration.clock()
                let actions = shared.withLock { $0.session.incoming(text: text, now: now) }
                for message in actions.send { link.send(ChannelCodec.encode(message)) }
                for event in actions.events { emit(event) }
            }
        }
    }
}

/// Why the Channels link ended, in words for the status bar.
public struct ChannelsAdapterError: Error, Sendable, Equatable, CustomStringConvertible, LinkFailure {
    private enum Base: Sendable, Equatable {
        case silent
        case closed(code: UInt16?, reason: String)
    }

    private let base: Base

    static let silent = Self(base: .silent)
    static func closed(code: UInt16?, reason: String) -> Self { Self(base: .closed(code: code, reason: reason)) }

    public var description: String {
        switch base {
        case .silent: "no answer from the server"
        case .closed(let code?, let reason) where !reason.isEmpty: "server closed the connection (\(code): \(reason))"
        case .closed(let code?, _): "server closed the connection (\(code))"
        case .closed(nil, _): "server closed the connection"
        }
    }

    public var retryingCanHelp: Bool { true }
}
