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
        /// The poll and the command in flight, cancelled when the adapter stops.
        var inFlight: [ObjectIdentifier: HTTPCancellationToken] = [:]
    }

    let configuration: ConferenceAdapterConfiguration
    let shared: Mutex<Shared>
    let lifecycle = AdapterLifecycle()
    let http: HTTPClient
    /// Posts commands in order, never on the caller's thread.
    let writer = DispatchQueue(label: "natter.conference.writer")
    /// Signalled by `stop()` so a wait between polls ends at once.
    let wakeUp = DispatchSemaphore(value: 0)

    public init(configuration: ConferenceAdapterConfiguration) {
        self.configuration = configuration
        shared = Mutex(Shared(session: ConferenceSession(domain: configuration.domain)))
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        http = HTTPClient(configuration: httpConfiguration)
    }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        lifecycle.start(
            name: "natter.conference",
            configuration: ReconnectStateMachine.Configuration(
                backoff: configuration.backoff, stablePeriod: Self.stablePeriod),
            sink: sink, body: { [self] link in try serveOneSession(link) })
    }

    public func perform(_ command: AdapterCommand) {
        guard let document = shared.withLock({ $0.session.outgoing(command) }) else { return }
        writer.async { [self] in post(document) }
    }

    public func stop() {
        lifecycle.stop {
            for token in shared.withLock({ $0.inFlight.values }) { token.cancel() }
            wakeUp.signal()
        }
    }

    func emit(_ event: EngineEvent) { lifecycle.emit(event) }

    func emit(_ events: [EngineEvent]) { lifecycle.emit(events) }

    var isStopped: Bool { lifecycle.isStopped }

    /// How long a session must stay up before the backoff starts over (seconds).
    static let stablePeriod: Double = 30
}
