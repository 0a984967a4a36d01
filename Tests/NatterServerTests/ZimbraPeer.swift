import Foundation
import NatterCodecs
import NatterWire
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A test client of natterd's Zimbra IM door over real HTTP: it keeps the auth token, the session and the
/// highest notification block seen, and collects every notification, as a Zimbra client would.
actor ZimbraPeer {
    let port: Int
    let user: String
    private(set) var authToken: String?
    private(set) var sessionID: String?
    /// The highest `<notify seq>` processed, acknowledged with the next request.
    private(set) var acknowledged: Int64?
    private var received: [IMNotification] = []
    private let urlSession: URLSession

    init(port: Int, user: String) {
        self.port = port
        self.user = user
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        urlSession = URLSession(configuration: configuration)
    }

    static func login(_ user: String, port: Int, password: String? = nil) async throws -> ZimbraPeer {
        let peer = ZimbraPeer(port: port, user: user)
        try await peer.login(password: password ?? user)
        return peer
    }

    func login(password: String) async throws {
        let response = try await send(.auth(account: "\(user)@natter.test", password: password))
        guard case .auth(let token, _, let session) = response else {
            throw ZimbraPeerError(description: "unexpected answer to AuthRequest: \(response)")
        }
        authToken = token
        if let session { sessionID = session }
    }

    func forgetToken() { authToken = nil }

    func setToken(_ token: String) { authToken = token }

    var context: ZimbraRequestContext {
        ZimbraRequestContext(
            authToken: authToken, session: ZimbraSession(id: sessionID, seq: acknowledged))
    }

    /// Sends a request and records its notifications; with `acknowledge` false the notifications are
    /// returned but not acknowledged, as if the response had been lost.
    @discardableResult
    func send(_ request: RosterRequest, acknowledge: Bool = true) async throws -> RosterResponse {
        let bytes = try RosterEnvelope.bytes(for: request, context: context)
        let data = try await post(Data(bytes))
        let (response, answer) = try RosterEnvelope.parseResponse(data, expecting: request.kind)
        // natterd answers every request of a session with its context header: a missing one is a door bug.
        record(try #require(answer, "a response without a context header: \(response)"), acknowledge: acknowledge)
        return response
    }

    /// Sends a request expected to fail, returning its fault.
    func fault(_ request: RosterRequest) async throws -> ZimbraFault {
        do {
            let response = try await send(request)
            throw ZimbraPeerError(description: "expected a fault, got \(response)")
        } catch let fault as ZimbraFault {
            // A fault refused before any session exists (no or bad token) has no context to record.
            if let context = fault.context { record(context, acknowledge: true) }
            return fault
        }
    }

    /// Posts raw bytes; returns the HTTP status and body.
    func postRaw(_ body: Data, contentType: String) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/service/soap/")!)
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (data, response) = try await urlSession.data(for: request)
        return (try #require(response as? HTTPURLResponse).statusCode, data)
    }

    private func post(_ body: Data) async throws -> Data {
        try await postRaw(body, contentType: "application/soap+xml; charset=utf-8").body
    }

    private func record(_ answer: ZimbraResponseContext, acknowledge: Bool) {
        if let id = answer.session?.id { sessionID = id }
        for block in answer.notifications where block.seq > (acknowledged ?? 0) {
            received += block.notifications
            if acknowledge { acknowledged = block.seq }
        }
    }

    /// Removes and returns what was received so far.
    func take() -> [IMNotification] {
        defer { received = [] }
        return received
    }

    /// Long-polls until a notification matching `predicate` arrives; returns it and drops the ones before.
    func waitFor(
        timeout: Duration = .seconds(10), _ predicate: @Sendable (IMNotification) -> Bool
    ) async throws -> IMNotification {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let index = received.firstIndex(where: predicate) {
                let found = received[index]
                received.removeSubrange(...index)
                return found
            }
            guard ContinuousClock.now < deadline else {
                throw ZimbraPeerError(description: "\(user): timed out; received \(received)")
            }
            try await send(.noOp(wait: true, timeout: 2000))
        }
    }

    /// Everything pending right now, without waiting: a plain NoOp is a sync point.
    func sync() async throws -> [IMNotification] {
        try await send(.noOp(wait: false, timeout: nil))
        return take()
    }
}

struct ZimbraPeerError: Error, CustomStringConvertible {
    let description: String
}

extension IMNotification {
    var presenceShow: (from: String, presence: IMPresence)? {
        if case .presence(let from, let presence) = self { return (from, presence) }
        return nil
    }

    var messageContent: (from: String, thread: String, content: IMMessageContent)? {
        if case .message(let from, let thread, _, let content, _) = self { return (from, thread, content) }
        return nil
    }
}
