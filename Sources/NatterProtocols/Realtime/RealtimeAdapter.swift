import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTransport
import Synchronization

/// The Ryver-dialect realtime adapter: logs in over HTTP, keeps one WebSocket open, and reconnects with backoff.
///
/// A `LinkSupervisor` decides when to connect; its link thread owns one connection's lifecycle and blocks in
/// `receive`. Commands from the engine are encoded under the session lock and written from a serial queue, so
/// the UI thread never waits on the network.
public final class RealtimeAdapter: ChatAdapter {
    struct Shared {
        var session: RealtimeSession
        var link: WebSocketLink?
    }

    let configuration: RealtimeAdapterConfiguration
    let shared: Mutex<Shared>
    let lifecycle = AdapterLifecycle()
    let http: HTTPClient

    public init(configuration: RealtimeAdapterConfiguration) {
        self.configuration = configuration
        self.shared = Mutex(Shared(session: RealtimeSession(domain: configuration.domain)))
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        self.http = HTTPClient(configuration: httpConfiguration)
    }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        lifecycle.start(
            name: "natter.realtime",
            configuration: ReconnectStateMachine.Configuration(
                backoff: configuration.backoff, stablePeriod: Self.stablePeriod),
            sink: sink, body: { [self] link in try serveOneConnection(link) })
    }

    public func perform(_ command: AdapterCommand) {
        let (message, link) = shared.withLock { shared in
            (shared.session.outgoing(command), shared.link)
        }
        guard let message, let link else { return }
        link.send(RealtimeCodec.encode(message))
    }

    public func stop() {
        lifecycle.stop { shared.withLock { $0.link }?.close() }
    }

    func emit(_ event: EngineEvent) { lifecycle.emit(event) }

    var isStopped: Bool { lifecycle.isStopped }

    /// How long a connection must stay up before the backoff starts over (seconds).
    static let stablePeriod: Double = 30
}
