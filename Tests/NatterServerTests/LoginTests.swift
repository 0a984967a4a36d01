import HummingbirdTesting
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Login: User.Login with HTTP Basic")
struct LoginTests {
    @Test func validCredentialsReturnSessionAndChatURL() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let result = try await server.login(user: "alice", password: "alice")
            #expect(result.status == 200)
            let session = try #require(result.body?["d"]?["sessionId"]?.stringValue)
            #expect(session.count == 32 && session.allSatisfy(\.isHexDigit))
            #expect(result.body?["d"]?["services"]?["chat"]?.stringValue == "ws://127.0.0.1:\(server.port)/realtime")
        }
    }

    @Test func fullJIDUserNameIsAccepted() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            #expect(try await server.login(user: "Bob@natter.test", password: "bob").status == 200)
            #expect(try await server.login(user: "bob@elsewhere.test", password: "bob").status == 401)
        }
    }

    @Test func sessionsAreDistinct() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            #expect(try await server.session("alice") != (try await server.session("alice")))
        }
    }

    @Test func wrongPasswordIs401WithJSONError() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let result = try await server.login(user: "alice", password: "bob")
            #expect(result.status == 401)
            #expect(result.body?["error"]?["code"]?.stringValue == "auth_failed")
            #expect(try await server.login(user: "mallory", password: "mallory").status == 401)
        }
    }

    /// In-process (HummingbirdTesting) because URLSession on Linux stalls on a Basic challenge it cannot answer.
    @Test func missingCredentialsAskForBasic() async throws {
        let server = try NatterServer(configuration: ServerConfiguration(port: 0, logLevel: .warning))
        defer { server.storage.close() }
        try await server.makeApplication { _ in }.test(.router) { client in
            try await client.execute(uri: "/api/1/odata.svc/User.Login(client='tests')", method: .post) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            }
        }
    }

    @Test func aMalformedBasicHeaderIsAskedForBasicAgain() async throws {
        let server = try NatterServer(configuration: ServerConfiguration(port: 0, logLevel: .warning, passwordCost: 4))
        defer { server.storage.close() }
        try await server.makeApplication { _ in }.test(.router) { client in
            for header in ["Basic !!!", "Basic bm9jb2xvbg==", "Bearer abc"] {
                try await client.execute(
                    uri: "/api/1/odata.svc/User.Login(client='tests')", method: .post,
                    headers: [.authorization: header]
                ) { response in
                    #expect(response.status == .unauthorized, "\(header)")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true, "\(header)")
                }
            }
        }
    }
}
