import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An idle CWA sign-in expires on the server's clock: its ticket and sid are refused, and the sweeper takes its
/// session out of the core. The clock is moved by hand; nothing sleeps.
@Suite(.serialized) struct ConferenceExpiryTests {
    struct Exchange {
        let status: Int
        let ticket: String?
        let body: Data
    }

    func post(_ document: CWARequests, ticket: String?, port: Int) async throws -> Exchange {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/cwa/MainCommandHandler.ashx")!)
        request.httpMethod = "POST"
        request.httpBody = Data(try document.serialized())
        request.setValue("text/xml; charset=utf-8", forHTTPHeaderField: "Content-Type")
        if let ticket { request.setValue(ticket, forHTTPHeaderField: "CWA-Ticket") }
        return try await exchange(request)
    }

    func poll(sid: String, ticket: String, port: Int) async throws -> Exchange {
        var request = URLRequest(
            url: URL(string: "http://127.0.0.1:\(port)/cwa/AsyncDataChannel.ashx?Sid=\(sid)&AckId=0")!)
        request.setValue(ticket, forHTTPHeaderField: "CWA-Ticket")
        return try await exchange(request)
    }

    private func exchange(_ request: URLRequest) async throws -> Exchange {
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Exchange(status: http.statusCode, ticket: http.value(forHTTPHeaderField: "CWA-Ticket"), body: data)
    }

    @Test func anIdleSignInExpiresAndIsSweptOutOfTheCore() async throws {
        let clock = ManualClock()
        try await TestServer.with(clock: clock) { server in
            let logon = try await post(
                CWARequests(requests: [.logon(rid: "1", user: "sip:alice@natter.test", password: "alice")]),
                ticket: nil,
                port: server.port)
            let ticket = try #require(logon.ticket)
            let started = try await post(
                CWARequests(requests: [.initiateSession(rid: "2")]), ticket: ticket, port: server.port)
            let answer = try CWAResponses(bytes: Array(started.body))
            guard case .requestAccepted(let accepted) = answer.responses.first, let sid = accepted.sid else {
                Issue.record("initiateSession was refused: \(answer)")
                return
            }
            let hub = server.server.core.hub
            #expect(await hub.hasRealSession("alice"))

            try await clock.waitForSleepers(1)
            clock.advance(by: .seconds(121))
            let refused = try await post(
                CWARequests(sid: sid, requests: [.initiateSession(rid: "3")]), ticket: ticket, port: server.port)
            #expect(refused.status == 401)
            let error = try CWAResponses(bytes: Array(refused.body)).responses.first
            #expect(error == .error(CWAError(rid: nil, code: "unknownTicket", reason: "unknown or expired ticket")))
            // The sweeper woke with the clock: the session leaves the core, and its sid is forgotten.
            try await server.waitUntil("the expired session is detached") { await !hub.hasRealSession("alice") }
            #expect(try await poll(sid: sid, ticket: ticket, port: server.port).status == 404)
        }
    }
}
