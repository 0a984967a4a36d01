import Foundation
import NatterCodecs

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Zimbra IM client of a natterd process over real HTTP, for tests across processes: it keeps the token, the
/// session and the acknowledged notification seq, and collects every notification.
actor ZimbraTestClient {
    let port: Int
    let user: String
    private var authToken: String?
    private var sessionID: String?
    private var acknowledged: Int64?
    private var received: [IMNotification] = []
    private let urlSession: URLSession

    init(port: Int, user: String) {
        self.port = port
        self.user = user
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        urlSession = URLSession(configuration: configuration)
    }

    static func login(_ user: String, port: Int) async throws -> ZimbraTestClient {
        let client = ZimbraTestClient(port: port, user: user)
        let response = try await client.send(.auth(account: "\(user)@natter.test", password: user))
        guard case .auth(let token, _, let session) = response else {
            throw NatterdError(description: "unexpected answer to AuthRequest: \(response)")
        }
        await client.loggedIn(token: token, session: session)
        return client
    }

    private func loggedIn(token: String, session: String?) {
        authToken = token
        sessionID = session ?? sessionID
    }

    @discardableResult
    func send(_ request: RosterRequest) async throws -> RosterResponse {
        let context = ZimbraRequestContext(
            authToken: authToken, session: ZimbraSession(id: sessionID, seq: acknowledged))
        var http = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/service/soap/")!)
        http.httpMethod = "POST"
        http.setValue("application/soap+xml; charset=utf-8", forHTTPHeaderField: "Content-Type")
        http.httpBody = Data(try RosterEnvelope.bytes(for: request, context: context))
        let (data, _) = try await urlSession.data(for: http)
        let (response, answer) = try RosterEnvelope.parseResponse(data, expecting: request.kind)
        if let answer {
            if let id = answer.session?.id { sessionID = id }
            for block in answer.notifications where block.seq > (acknowledged ?? 0) {
                received += block.notifications
                acknowledged = block.seq
            }
        }
        return response
    }

    /// Long-polls until a notification matching `predicate` arrives; returns it and drops those before it.
    func waitFor(
        _ what: String, timeout: Duration = .seconds(20), _ predicate: @Sendable (IMNotification) -> Bool
    ) async throws -> IMNotification {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let index = received.firstIndex(where: predicate) {
                let found = received[index]
                received.removeSubrange(...index)
                return found
            }
            guard ContinuousClock.now < deadline else {
                throw NatterdError(description: "\(user): no \(what); received \(received)")
            }
            try await send(.noOp(wait: true, timeout: 1000))
        }
    }

    /// Removes and returns everything received so far, after a plain NoOp.
    func drain() async throws -> [IMNotification] {
        try await send(.noOp(wait: false, timeout: nil))
        defer { received = [] }
        return received
    }
}
