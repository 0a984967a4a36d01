import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTransport
import Synchronization

/// The Zimbra IM adapter (SOAP over libcurl): logs in, then keeps exactly one `NoOpRequest wait="1"`
/// outstanding while idle, under the shared `LinkSupervisor` (backoff on errors, state per account).
/// Commands are posted from a serial queue, never from the caller's thread; every answer's notifications
/// go through the one `RosterSession`, which skips blocks it has already seen.
public final class RosterAdapter: ChatAdapter {
    struct Shared {
        var session: RosterSession
        var cancellation: HTTPCancellationToken?
    }

    let configuration: RosterAdapterConfiguration
    let shared: Mutex<Shared>
    let lifecycle = AdapterLifecycle()
    let http: HTTPClient
    let writer = DispatchQueue(label: "natter.roster.writer")

    public init(configuration: RosterAdapterConfiguration) {
        self.configuration = configuration
        shared = Mutex(
            Shared(
                session: RosterSession(
                    domain: configuration.domain, carriesChat: configuration.carriesChat,
                    statusTexts: configuration.statusTexts)))
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        http = HTTPClient(configuration: httpConfiguration)
    }

    public var protocolKind: ProtocolKind { .roster }
    public var capabilities: Set<Capability> { shared.withLock { $0.session.capabilities } }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        lifecycle.start(
            name: "natter.roster",
            configuration: ReconnectStateMachine.Configuration(backoff: configuration.backoff, stablePeriod: 30),
            sink: sink, body: { [self] link in try serve(link) })
    }

    public func perform(_ command: AdapterCommand) {
        guard let (request, pending) = shared.withLock({ $0.session.outgoing(command) }) else { return }
        writer.async { [self] in
            guard !isStopped else { return }
            do {
                try exchange(request, pending: pending)
            } catch let fault as ZimbraFault {
                emit(events: shared.withLock { $0.session.failed(fault, for: pending, now: Date()) })
            } catch {
                if case .chat(let localID) = pending {
                    emit(.chat(.failed(localID: localID, reason: "\(error)")))
                }
            }
        }
    }

    public func stop() {
        lifecycle.stop { shared.withLock { $0.cancellation }?.cancel() }
    }

    var isStopped: Bool { lifecycle.isStopped }

    /// One link from login to its failure: the supervisor retries with backoff.
    private func serve(_ link: LinkSupervisor.Link) throws {
        let token = HTTPCancellationToken()
        shared.withLock { $0.cancellation = token }
        // After publishing the token: either `stop` cancels it, or this sees that it stopped.
        guard !isStopped else { return }
        try login(cancellation: token)
        try exchange(.getRoster, pending: .none, cancellation: token)
        link.connected()
        emit(.session(.synchronized))
        let timeout = configuration.pollTimeout
        while !isStopped {
            try exchange(
                .noOp(wait: true, timeout: Int64(timeout.components.seconds) * 1000), pending: .none,
                cancellation: token, transferTimeout: timeout + .seconds(15))
        }
    }

    /// How often the link renewed an expired token (`service.AUTH_EXPIRED`) without starting over.
    public var tokenRenewals: Int { shared.withLock { $0.session.renewals } }

    private func login(cancellation: HTTPCancellationToken? = nil, renewing: Bool = false) throws {
        let request = shared.withLock { $0.session.login(user: configuration.user, password: configuration.password) }
        let response: RosterResponse
        let context: ZimbraResponseContext?
        do {
            (response, context) = try post(request, cancellation: cancellation, transferTimeout: nil)
        } catch let fault as ZimbraFault where fault.code == .authFailed {
            // The same password fails the same way: give up and say so as every door does, so the user fixes it.
            throw LoginError.rejected
        }
        emit(
            events: shared.withLock { shared in
                let login = shared.session.loggedIn(response, user: configuration.user)
                return (renewing ? RosterSession.renewalEvents(login) : login)
                    + shared.session.received(response, context: context, for: .none, now: Date())
            })
    }

    /// Sends a request and reports its outcome; an expired token is renewed once, keeping the session.
    private func exchange(
        _ request: RosterRequest, pending: RosterSession.Pending, cancellation: HTTPCancellationToken? = nil,
        transferTimeout: Duration? = nil
    ) throws {
        let answer: (RosterResponse, ZimbraResponseContext?)
        do {
            answer = try post(request, cancellation: cancellation, transferTimeout: transferTimeout)
        } catch let fault as ZimbraFault where fault.code == .authExpired {
            shared.withLock { $0.session.tokenExpired() }
            try login(cancellation: cancellation, renewing: true)
            answer = try post(request, cancellation: cancellation, transferTimeout: transferTimeout)
        }
        let (events, stale) = shared.withLock { shared in
            (
                shared.session.received(answer.0, context: answer.1, for: pending, now: Date()),
                shared.session.takeRosterStale()
            )
        }
        emit(events: events)
        if stale { writer.async { [self] in try? exchange(.getRoster, pending: .none) } }
    }

    private func post(
        _ request: RosterRequest, cancellation: HTTPCancellationToken?, transferTimeout: Duration?
    ) throws -> (RosterResponse, ZimbraResponseContext?) {
        let context = shared.withLock { $0.session.context }
        let body = try RosterEnvelope.bytes(for: request, context: context)
        let response = try http.perform(
            HTTPRequest(
                method: .post, url: configuration.endpoint,
                headers: HTTPHeaders(RosterEnvelope.httpHeaders), body: body, timeout: transferTimeout),
            cancellation: cancellation)
        do {
            return try RosterEnvelope.parseResponse(response.body, expecting: request.kind)
        } catch let fault as ZimbraFault {
            throw fault
        } catch {
            throw RosterAdapterError(status: response.status, reason: "\(error)")
        }
    }

    func emit(_ event: EngineEvent) { lifecycle.emit(event) }

    func emit(events: [EngineEvent]) { lifecycle.emit(events) }
}

/// An answer that is neither a Zimbra response nor a Zimbra fault (a proxy's error page, say).
struct RosterAdapterError: Error, CustomStringConvertible {
    let status: Int
    let reason: String

    var description: String { "the server answered HTTP \(status) without a Zimbra response: \(reason)" }
}
