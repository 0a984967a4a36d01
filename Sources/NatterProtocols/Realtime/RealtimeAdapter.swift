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
        var sink: (@Sendable (EngineEvent) -> Void)?
        var link: RealtimeLink?
        var supervisor: LinkSupervisor?
        var stopped = false
    }

    let configuration: RealtimeAdapterConfiguration
    let shared: Mutex<Shared>
    let http: HTTPClient
    /// Held while an event is handed to the engine, so `stop` can promise that none arrives after it returns.
    let emitGate = NSRecursiveLock()

    public init(configuration: RealtimeAdapterConfiguration) {
        self.configuration = configuration
        self.shared = Mutex(Shared(session: RealtimeSession(domain: configuration.domain)))
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        self.http = HTTPClient(configuration: httpConfiguration)
    }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        let supervisor = LinkSupervisor(
            name: "natter.realtime",
            configuration: ReconnectStateMachine.Configuration(
                backoff: configuration.backoff, stablePeriod: Self.stablePeriod),
            // Strong captures: `stop()` drops the supervisor and with it the cycle.
            report: { [self] state in emit(.session(.connection(state))) },
            body: { [self] link in try serveOneConnection(link) })
        let started = shared.withLock { shared -> Bool in
            guard !shared.stopped, shared.supervisor == nil else { return false }
            shared.sink = sink
            shared.supervisor = supervisor
            return true
        }
        if started { supervisor.start() }
    }

    public func perform(_ command: AdapterCommand) {
        let (message, link) = shared.withLock { shared in
            (shared.session.outgoing(command), shared.link)
        }
        guard let message, let link else { return }
        link.send(RealtimeCodec.encode(message))
    }

    public func stop() {
        let (link, supervisor) = shared.withLock { shared in
            shared.stopped = true
            shared.sink = nil
            defer { shared.supervisor = nil }
            return (shared.link, shared.supervisor)
        }
        supervisor?.stop()
        link?.connection.interrupt()
        link?.writer.async { link?.connection.close(code: 1000, reason: "bye") }
        emitGate.withLock {}
    }

    func emit(_ event: EngineEvent) {
        emitGate.withLock {
            let sink = shared.withLock { $0.sink }
            sink?(event)
        }
    }

    var isStopped: Bool { shared.withLock { $0.stopped } }

    /// How long a connection must stay up before the backoff starts over (seconds).
    static let stablePeriod: Double = 30
}
