import Foundation
import NatterCodecs
import NatterWire
import Testing

@testable import NatterServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real natterd on an ephemeral loopback port with a temporary, demo-seeded database.
struct TestServer {
    let server: NatterServer
    let port: Int

    static func start(
        demo: Bool = true, demoPeer: Bool = false, authenticationTimeout: Duration = .seconds(10),
        sessionLifetime: Duration = .seconds(3600), clock: any ServerClock = SystemServerClock(),
        extraDoors: [@Sendable (DoorContext) -> any Door] = []
    ) async throws -> TestServer {
        let server = try NatterServer(
            configuration: ServerConfiguration(
                port: 0, demo: demo, demoPeer: demoPeer, logLevel: .warning, passwordCost: 4,
                authenticationTimeout: authenticationTimeout, sessionLifetime: sessionLifetime, clock: clock),
            extraDoors: extraDoors)
        let port = try await server.start()
        return TestServer(server: server, port: port)
    }

    /// Runs `body` against a fresh server and always stops it, so failing tests do not leak listeners.
    static func with<T>(
        demo: Bool = true, demoPeer: Bool = false, authenticationTimeout: Duration = .seconds(10),
        sessionLifetime: Duration = .seconds(3600), clock: any ServerClock = SystemServerClock(),
        extraDoors: [@Sendable (DoorContext) -> any Door] = [], _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let server = try await start(
            demo: demo, demoPeer: demoPeer, authenticationTimeout: authenticationTimeout,
            sessionLifetime: sessionLifetime, clock: clock, extraDoors: extraDoors)
        do {
            let result = try await body(server)
            await server.server.stop()
            return result
        } catch {
            await server.server.stop()
            throw error
        }
    }

    /// Polls a server-side condition that no frame announces (a closed connection being detached, say).
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(5), _ condition: @Sendable () async -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while await !condition() {
            guard ContinuousClock.now < deadline else { throw TestServerError.timedOut(what) }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    struct TestServerError: Error, CustomStringConvertible {
        static func timedOut(_ what: String) -> TestServerError { TestServerError(description: "timed out: \(what)") }
        let description: String
    }

    struct HTTPResult {
        let status: Int
        let headers: [String: String]
        let body: JSONValue?
    }

    /// `POST /api/1/odata.svc/User.Login(client='tests')`, with Basic credentials when given.
    func login(user: String?, password: String = "") async throws -> HTTPResult {
        var request = URLRequest(
            url: URL(string: "http://127.0.0.1:\(port)/api/1/odata.svc/User.Login(client='tests')")!)
        request.httpMethod = "POST"
        if let user {
            request.setValue(
                TestServer.basicHeader(user: user, password: password), forHTTPHeaderField: "Authorization")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for case (let key as String, let value as String) in http.allHeaderFields { headers[key.lowercased()] = value }
        return HTTPResult(
            status: http.statusCode, headers: headers, body: try? JSONDecoder().decode(JSONValue.self, from: data))
    }

    static func basicHeader(user: String, password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// Logs in with password = name (the demo convention) and returns the session id.
    func session(_ user: String) async throws -> String {
        let result = try await login(user: user, password: user)
        #expect(result.status == 200)
        return try #require(result.body?["d"]?["sessionId"]?.stringValue)
    }

    /// Logs in, connects and authenticates; returns the peer and its full JID.
    func connect(_ user: String, resource: String? = nil, announce presence: Bool = false) async throws -> RealtimePeer
    {
        let sessionID = try await session(user)
        let peer = try await RealtimePeer.connect(port: port)
        await peer.send(.auth(RealtimeAuth(id: "auth", sessionID: sessionID, agent: "tests", resource: resource)))
        // With demo peers running, dave's presence may reach the new session before its auth ack.
        let ack = try #require(try await peer.skip(until: { $0.ack?.replyTo == "auth" }).ack)
        await peer.setJID(ack.jid ?? "")
        if presence {
            await peer.send(.presenceChange(RealtimePresence(id: "p0", presence: .available)))
            _ = try await peer.skip(until: { if case .ack(let ack) = $0 { ack.replyTo == "p0" } else { false } })
        }
        return peer
    }
}
