import Dispatch
import Foundation
import Glibc
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTransport
import Synchronization

/// The Unified Contact Store client (EWS over libcurl): loads the buddy list with GetImItemList and turns the
/// engine's roster and group commands into the EWS operations (`ContactStoreStep`).
///
/// Commands run one at a time on a serial queue, so the UI thread never waits on the network and a step can
/// name what an earlier step made. After every command the list is read again: what the server answered is
/// what the roster shows, so a refused edit is rolled back, with the server's reason in the status bar.
public final class ContactStoreAdapter: ChatAdapter {
    struct Shared {
        var directory = ContactStoreDirectory()
        var online = false
    }

    let configuration: ContactStoreAdapterConfiguration
    let shared = Mutex(Shared())
    let lifecycle = AdapterLifecycle()
    let http: HTTPClient
    private let queue = DispatchQueue(label: "natter.contactstore")

    public init(configuration: ContactStoreAdapterConfiguration) {
        self.configuration = configuration
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.caFile = configuration.caFile
        http = HTTPClient(configuration: httpConfiguration)
    }

    public var protocolKind: ProtocolKind { .contactStore }
    public var capabilities: Set<Capability> { [.roster] }

    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        guard lifecycle.start(sink: sink) else { return }
        emit(.session(.connection(.connecting)))
        queue.async { [self] in load(first: true) }
    }

    public func perform(_ command: AdapterCommand) {
        queue.async { [self] in run(command) }
    }

    public func stop() { lifecycle.stop() }

    private var isStopped: Bool { lifecycle.isStopped }

    func emit(_ event: EngineEvent) { lifecycle.emit(event) }

    /// Reads the whole list and hands it to the engine; on failure goes offline and tries again later.
    private func load(first: Bool = false) {
        guard !isStopped else { return }
        do {
            guard case .imItemList(let list) = try call(.getImItemList) else {
                throw ContactStoreAdapterError.server(code: "NoPayload", text: "GetImItemList answered without a list")
            }
            let directory = ContactStoreDirectory(list, domain: configuration.domain)
            let wasOnline = shared.withLock { shared in
                defer {
                    shared.directory = directory
                    shared.online = true
                }
                return shared.online
            }
            emit(.roster(.groups(directory.groups.map(\.name))))
            emit(.roster(.loaded(directory.contacts)))
            if !wasOnline {
                emit(.session(.connection(.online)))
                emit(.session(.synchronized))
            }
        } catch {
            shared.withLock { $0.online = false }
            emit(.session(.connection(.offline(reason: "\(error)"))))
            let delay = configuration.retryDelay.components
            let seconds = Double(delay.seconds) + Double(delay.attoseconds) * 1e-18
            queue.asyncAfter(deadline: .now() + seconds) { [self] in load() }
        }
    }

    private func run(_ command: AdapterCommand) {
        guard !isStopped else { return }
        do {
            var steps = try ContactStoreStep.plan(command, in: shared.withLock(\.directory))[...]
            while let step = steps.popFirst() {
                let request = try step.request(in: shared.withLock(\.directory))
                let payload = try call(request)
                shared.withLock { shared in
                    switch (step, payload) {
                    case (.createGroup, .imGroup(let group)), (.addDistribution, .imGroup(let group)):
                        shared.directory.record(group: group)
                    case (.addContact(let jid, _, _), .persona(let persona)):
                        shared.directory.record(persona: persona, for: jid)
                    default: break
                    }
                }
            }
        } catch {
            emit(.session(.notice(.error("contact list: \(error)"))))
        }
        load()
    }

    /// One operation; an error response or a fault is thrown with the server's words.
    func call(_ request: ContactStoreRequest) throws -> ContactStoreResponse.Payload {
        let answer: HTTPResponse
        do {
            var headers = HTTPHeaders()
            for header in ContactStoreEnvelope.httpHeaders(for: request) { headers.add(header.name, header.value) }
            answer = try http.perform(
                HTTPRequest(
                    method: .post, url: configuration.endpoint, headers: headers,
                    body: try ContactStoreEnvelope.bytes(for: request),
                    credentials: HTTPCredentials(username: configuration.user, password: configuration.password)))
        } catch let error as HTTPError {
            throw ContactStoreAdapterError.transport("\(error)")
        }
        if answer.status == 401 {
            throw ContactStoreAdapterError.transport(LoginError.rejected.description)
        }
        let response: ContactStoreResponse
        do {
            response = try ContactStoreEnvelope.parseItemListResponse(answer.body, expecting: request.operation)
        } catch {
            throw ContactStoreAdapterError.transport("HTTP \(answer.status): \(error)")
        }
        guard response.responseClass != .error else {
            throw ContactStoreAdapterError.server(code: response.responseCode.rawValue, text: response.messageText)
        }
        return response.payload
    }
}
