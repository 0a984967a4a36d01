import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Roster door: login, sessions, faults", .serialized)
struct RosterLoginTests {
    @Test func authRequestReturnsTokenLifetimeAndSession() async throws {
        try await TestServer.with(sessionLifetime: .seconds(3600)) { (server: TestServer) async throws in
            let peer = ZimbraPeer(port: server.port, user: "alice")
            let response = try await peer.send(.auth(account: "alice@natter.test", password: "alice"))
            guard case .auth(let token, let lifetime, let session) = response else {
                Issue.record("not an AuthResponse: \(response)")
                return
            }
            #expect(!token.isEmpty)
            #expect(lifetime == 3_600_000)
            #expect(session != nil)
            // The token is a core login session: valid on every protocol.
            #expect(try await server.server.authenticator.authenticate(session: token)?.name == "alice")
        }
    }

    @Test func wrongPasswordAndMissingTokenAreRefusedWithZimbraCodes() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let peer = ZimbraPeer(port: server.port, user: "alice")
            #expect(try await peer.fault(.auth(account: "alice@natter.test", password: "nope")).code == .authFailed)
            #expect(try await peer.fault(.getRoster).code == .authRequired)
            await peer.setToken("made-up")
            #expect(try await peer.fault(.getRoster).code == .authRequired)
        }
    }

    @Test func expiredTokenIsAuthExpiredAndLoggingInAgainKeepsTheNotifyPlace() async throws {
        let clock = ManualClock()
        try await TestServer.with(sessionLifetime: .seconds(60), clock: clock) { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            try await bob.send(.sendMessage(to: .address("alice@natter.test"), IMMessageContent(body: .init("one"))))
            _ = try await alice.sync()
            let session = try #require(await alice.sessionID)
            let seen = try #require(await alice.acknowledged)

            clock.advance(by: .seconds(61))
            #expect(try await alice.fault(.noOp(wait: false, timeout: nil)).code == .authExpired)
            try await bob.login(password: "bob")
            try await bob.send(.sendMessage(to: .address("alice@natter.test"), IMMessageContent(body: .init("two"))))

            try await alice.login(password: "alice")
            #expect(await alice.sessionID == session)
            let after = try await alice.sync()
            #expect(after.compactMap(\.messageContent).map(\.content.body?.text) == ["two"])
            #expect(try #require(await alice.acknowledged) == seen + 1)
        }
    }

    @Test func anUnknownSessionIsReplacedAndTheNewIdTellsTheClient() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let first = try #require(await alice.sessionID)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            let bobs = try #require(await bob.sessionID)
            #expect(bobs != first)
            // Naming another user's session gets a session of one's own, never theirs.
            let stolen = try RosterEnvelope.bytes(
                for: .noOp(wait: false, timeout: nil),
                context: ZimbraRequestContext(authToken: await alice.authToken, session: ZimbraSession(id: bobs)))
            let raw = try await alice.postRaw(Data(stolen), contentType: "application/soap+xml")
            let answer = try #require(try RosterEnvelope.parseResponse(raw.body).context)
            #expect(answer.session?.id != bobs)
            #expect(answer.session?.id != nil)
        }
    }

    @Test func anyContentTypeAndUnqualifiedContextChildrenAreAccepted() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = ZimbraPeer(port: server.port, user: "alice")
            let auth = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>
                  <context xmlns="urn:zimbra"><format type="xml"/></context></soap:Header>
                  <soap:Body><AuthRequest xmlns="urn:zimbraAccount">
                    <account by="name">alice@natter.test</account><password>alice</password>
                  </AuthRequest></soap:Body></soap:Envelope>
                """
            let logged = try await alice.postRaw(Data(auth.utf8), contentType: "application/x-www-form-urlencoded")
            #expect(logged.status == 200)
            guard case .auth(let token, _, _) = try RosterEnvelope.parseResponse(logged.body).response else {
                Issue.record("not an AuthResponse")
                return
            }
            let roster = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>
                <z:context xmlns:z="urn:zimbra"><authToken xmlns="">\n \(token) \n</authToken></z:context>
                </soap:Header><soap:Body><IMGetRosterRequest xmlns="urn:zimbraIM"/></soap:Body></soap:Envelope>
                """
            let answer = try await alice.postRaw(Data(roster.utf8), contentType: "text/xml")
            #expect(answer.status == 200)
            let parsed = try RosterEnvelope.parseResponse(answer.body, expecting: .getRoster)
            let items = parsed.context?.notifications.flatMap(\.notifications).compactMap { notification in
                if case .roster(let items) = notification { return items } else { return nil }
            }.flatMap { $0 }
            #expect(items?.map(\.addr).sorted() == ["bob@natter.test", "carol@natter.test", "dave@natter.test"])
        }
    }

    @Test func badInputGetsFaultsNeverACrash() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let peer = try await ZimbraPeer.login("alice", port: server.port)
            let cases: [(String, String)] = [
                ("<not xml", "service.PARSE_ERROR"),
                ("<a/>", "service.PARSE_ERROR"),
                (
                    #"<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><FooRequest xmlns="urn:zimbraIM"/></soap:Body></soap:Envelope>"#,
                    "service.UNKNOWN_DOCUMENT"
                ),
                (
                    #"<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><IMGetRosterRequest xmlns="urn:zimbraIM"/></soap:Body></soap:Envelope>"#,
                    "service.AUTH_REQUIRED"
                ),
                (String(repeating: "<a>", count: 50_000), "service.PARSE_ERROR"),
                (String(repeating: "x", count: 2 << 20), "service.PARSE_ERROR"),
            ]
            for (body, code) in cases {
                let answer = try await peer.postRaw(Data(body.utf8), contentType: "text/xml")
                #expect(answer.status == 500)
                do {
                    _ = try RosterEnvelope.parseResponse(answer.body)
                    Issue.record("no fault for \(body.prefix(40))")
                } catch let fault as ZimbraFault {
                    #expect(fault.code.rawValue == code, "\(body.prefix(40))")
                }
            }
            #expect(
                try await peer.fault(.sendMessage(to: .address("nobody@natter.test"), .init(body: .init("x")))).code
                    == .invalidAddress)
            #expect(
                try await peer.fault(.modifyWhitelist(.init(.block, addr: "alice@natter.test"))).code == .invalidAddress
            )
            // Still serving.
            #expect(try await peer.send(.noOp(wait: false, timeout: nil)) == .noOp(waitDisallowed: false))
        }
    }
}
