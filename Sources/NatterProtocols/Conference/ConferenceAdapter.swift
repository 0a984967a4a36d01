import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTransport
import Synchronization

/// The Communicator Web Access adapter: signs in over HTTP, keeps one long poll outstanding for events, and posts
/// commands from a serial queue, all under the shared `LinkSupervisor`, which backs off and signs in again when
/// a poll fails.
public final class ConferenceAdapter: ChatAdapter {
    struct Shared {
        var session: ConferenceSession
        var sink: (@Sendable (EngineEvent) -> Void)?
        var supervisor: LinkSupervisor?
        /// The poll and the command in flight, cancelled when the adapter stops.
        var inFlight: [ObjectIdentifier: HTTPCancellationToken] = [:]
        var stopped = false
    }

    let configuration: ConferenceAdapterConfiguration
    let shared: Mutex<Shared>
    let http: HTTPClient
    /// Posts commands in order, never on the caller's thread.
    let writer = DispatchQueue(label: "natter.conference.writer")
    /// Signalled by `stop()` so a wait between polls ends at once.
    let wakeUp = DispatchSemaphore(value: 0)
    /// Held while an event is handed to the engine, so `stop` can promise that none arrives after it returns.
    let emitGate = NSRecursiveLock()

    public init(configuration: ConferenceAdapterConfiguration) {
        self.configuration = configuration
        shared = Mutex(Shared(session: ConferenceSession(domain: configuration.domain)))
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        http = HTTPClient(configuration: httpConfiguration)
    }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        let supervisor = LinkSupervisor(
            name: "natter.conference",
            configuration: ReconnectStateMachine.Configuration(
                backoff: configuration.backoff, stablePeriod: Self.stablePeriod),
            // Strong captures: `stop()` drops the supervisor and with it the cycle.
            report: { [self] state in emit(.session(.connection(state))) },
            body: { [self] link in try serveOneSession(link) })
        let started = shared.withLock { shared -> Bool in
            guard !shared.stopped, shared.supervisor == nil else { return false }
            shared.sink = sink
            shared.supervisor = supervisor
            return true
        }
        if started { supervisor.start() }
    }

    public func perform(_ command: AdapterCommand) {
        guard let document = shared.withLock({ $0.session.outgoing(command) }) else { return }
        writer.async { [self] in post(document) }
    }

    public func stop() {
        let (supervisor, inFlight) = shared.withLock { shared in
            shared.stopped = true
            shared.sink = nil
            defer { shared.supervisor = nil }
            return (shared.supervisor, shared.inFlight)
        }
        supervisor?.stop()
        for token in inFlight.values { token.cancel() }
        wakeUp.signal()
        emitGate.withLock {}
    }

    func emit(_ event: EngineEvent) {
        emitGate.withLock {
            let sink = shared.withLock { $0.sink }
            sink?(event)
        }
    }

    func emit(_ events: [EngineEvent]) { for event in events { emit(event) } }

    var isStopped: Bool { shared.withLock { $0.stopped } }

    /// How long a session must stay up before the backoff starts over (seconds).
    static let stablePeriod: Double = 30
}
