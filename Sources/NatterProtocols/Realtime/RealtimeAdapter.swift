import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTransport
import Synchronization

/// The Ryver-dialect realtime adapter: logs in over HTTP, keeps one WebSocket open, and reconnects with backoff.
///
/// One reader thread owns the connection's lifecycle and blocks in `receive`; commands from the engine are encoded
/// under the session lock and written from a serial queue, so the UI thread never waits on the network.
public final class RealtimeAdapter: ChatAdapter {
    struct Shared {
        var session: RealtimeSession
        var sink: (@Sendable (EngineEvent) -> Void)?
        var link: RealtimeLink?
        var stopped = false
    }

    let configuration: RealtimeAdapterConfiguration
    let shared: Mutex<Shared>
    let http: HTTPClient
    /// Held while an event is handed to the engine, so `stop` can promise that none arrives after it returns.
    let emitGate = NSRecursiveLock()
    /// Signalled by `stop` so a backoff wait ends at once.
    let wakeUp = DispatchSemaphore(value: 0)

    public init(configuration: RealtimeAdapterConfiguration) {
        self.configuration = configuration
        self.shared = Mutex(Shared(session: RealtimeSession(domain: configuration.domain)))
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        self.http = HTTPClient(configuration: httpConfiguration)
    }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        shared.withLock { $0.sink = sink }
        let thread = Thread { [self] in runConnectionLoop() }
        thread.name = "natter.realtime"
        thread.start()
    }

    public func perform(_ command: AdapterCommand) {
        let (message, link) = shared.withLock { shared in
            (shared.session.outgoing(command), shared.link)
        }
        guard let message, let link else { return }
        link.send(RealtimeCodec.encode(message))
    }

    public func stop() {
        let link = shared.withLock { shared in
            shared.stopped = true
            shared.sink = nil
            return shared.link
        }
        wakeUp.signal()
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
}
