import Foundation
import NatterCodecs
import NatterTransport

/// A hand-driven CWA client for the door's integration tests: each call is one HTTP exchange, so a test can
/// drop an answer, replay an `AckId` or present an old ticket on purpose.
final class CWATestClient: @unchecked Sendable {
    // Used from one test task at a time; nothing here is shared across threads.
    let base: String
    let user: String
    private(set) var ticket: String?
    private(set) var sid: String?
    private(set) var ackId = 0
    private var rid = 0
    private let http = HTTPClient()

    init(server: String, user: String) {
        base = server
        self.user = user
    }

    var uri: String { "sip:\(user)@natter.test" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Logs on and opens the event session.
    @discardableResult
    static func signIn(_ server: String, _ user: String) throws -> CWATestClient {
        let client = CWATestClient(server: server, user: user)
        let logon = try client.post(CWARequests(requests: [.logon(rid: nil, user: client.uri, password: user)]))
        guard logon.status == 200, client.ticket != nil else { throw Failure(description: "logon: \(logon.bodyText)") }
        let started = try client.send(.initiateSession(rid: client.nextRid()))
        guard case .requestAccepted(let accepted) = started, let sid = accepted.sid else {
            throw Failure(description: "initiateSession: \(started)")
        }
        client.sid = sid
        return client
    }

    func nextRid() -> String {
        rid += 1
        return String(rid)
    }

    /// Posts raw bytes with the current ticket; follows a rotated ticket.
    func post(bytes: [UInt8], ticket override: String? = nil) throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "text/xml; charset=utf-8"]
        if let ticket = override ?? ticket { headers.add("CWA-Ticket", ticket) }
        let response = try http.perform(
            HTTPRequest(method: .post, url: base + "/cwa/MainCommandHandler.ashx", headers: headers, body: bytes))
        if response.status == 200, let rotated = response.headers["CWA-Ticket"] { ticket = rotated }
        return response
    }

    func post(_ document: CWARequests, ticket override: String? = nil) throws -> HTTPResponse {
        try post(bytes: try document.serialized(), ticket: override)
    }

    /// One request in its own document; the one response to it.
    func send(_ request: CWARequest) throws -> CWAResponse {
        let response = try post(CWARequests(sid: sid, requests: [request]))
        let responses = try CWAResponses(bytes: response.body)
        guard responses.responses.count == 1, let first = responses.responses.first else {
            throw Failure(description: "expected one response: \(response.bodyText)")
        }
        return first
    }

    func conference(_ confId: String, _ action: CWAConferenceRequest.Action) throws -> CWAResponse {
        try send(.conference(CWAConferenceRequest(rid: nextRid(), confId: confId, action: action)))
    }

    /// Starts a conference and returns its id.
    func start(_ invitees: [String], subject: String?, text: String) throws -> String {
        let answer = try conference(
            "0",
            .initiateImSession(
                uris: invitees.map { "sip:\($0)@natter.test" },
                message: CWAMessage(content: text, imFormat: .natterDefault), subject: subject))
        guard case .requestAccepted(let accepted) = answer, let confId = accepted.imSessionAccepted?.confId else {
            throw Failure(description: "initiateImSession refused: \(answer)")
        }
        return confId
    }

    /// One long poll with `AckId` (the last one acknowledged unless given); `acknowledge` moves it on.
    func poll(ackId override: Int? = nil, acknowledge: Bool = true) throws -> CWAEvents {
        let response = try rawPoll(ackId: override ?? ackId)
        guard response.status == 200 else {
            throw Failure(description: "poll \(response.status): \(response.bodyText)")
        }
        let events = try CWAEvents(bytes: response.body)
        if acknowledge { ackId = events.ackId }
        return events
    }

    func rawPoll(ackId: Int, sid override: String? = nil, ticket overrideTicket: String? = nil) throws -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if let ticket = overrideTicket ?? ticket { headers.add("CWA-Ticket", ticket) }
        return try http.perform(
            HTTPRequest(
                url: base + "/cwa/AsyncDataChannel.ashx?Sid=\(override ?? sid ?? "")&AckId=\(ackId)",
                headers: headers, timeout: .seconds(20)))
    }

    /// Polls until `count` events have come (or a poll comes back empty, which means nothing else is queued).
    func events(_ count: Int) throws -> [CWAConferenceEvent.Kind] {
        var kinds: [CWAConferenceEvent.Kind] = []
        while kinds.count < count {
            let batch = try poll()
            if batch.events.isEmpty { break }
            kinds += batch.events.map(\.kind)
        }
        return kinds
    }
}
