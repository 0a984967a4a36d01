import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import Testing

@testable import NatterProtocols

@Suite("Roster client session: gateways")
struct RosterSessionGatewayTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let carol = JID("carol%natter.test@b")!
    let bob = JID("bob@natter.test")!

    func loggedIn(carriesChat: Bool) -> RosterSession {
        var session = RosterSession(domain: "natter.test", carriesChat: carriesChat)
        _ = session.loggedIn(.auth(authToken: "t1", lifetime: 60_000, session: "7"), user: "alice")
        return session
    }

    @Test func gatewayCommandsBecomeGatewayRequests() throws {
        let session = loggedIn(carriesChat: false)
        #expect(session.capabilities.contains(.gateways))
        #expect(session.outgoing(.gateways(.list))?.0 == .gatewayList)
        let register = try #require(
            session.outgoing(.gateways(.register(service: "b", name: "bob", password: "pw"))))
        #expect(register.0 == .gatewayRegister(service: "b", .register(name: "bob", password: "pw")))
        #expect(register.1 == .gateways)
        #expect(
            session.outgoing(.gateways(.unregister(service: "b")))?.0 == .gatewayRegister(service: "b", .unregister))
        #expect(session.outgoing(.gateways(.reconnect(service: "b")))?.0 == .gatewayRegister(service: "b", .reconnect))
    }

    @Test func theListAndEveryStatusBecomeGatewayEvents() {
        var session = loggedIn(carriesChat: false)
        let listed = session.received(
            .gatewayList([
                IMGatewayService(
                    name: "b", type: "ryver", domain: "b.example",
                    registration: .init(name: "bob", state: .tryingToConnect, timeUntilNextConnect: 3000))
            ]), context: nil, for: .gateways, now: now)
        #expect(
            listed == [
                .gateways(
                    .services([
                        GatewayStatus(
                            service: "b", kind: "ryver", domain: "b.example", remoteName: "bob",
                            state: "trying_to_connect",
                            nextConnect: now.addingTimeInterval(3))
                    ]))
            ])
        let context = ZimbraResponseContext(notifications: [
            ZimbraNotify(
                seq: 1,
                notifications: [
                    .gatewayStatus(service: "b", state: .online, timeUntilNextConnect: nil),
                    .otherLocation(service: "b", username: "bob@natter.test"),
                ])
        ])
        #expect(
            session.received(.noOp(waitDisallowed: false), context: context, for: .none, now: now) == [
                .gateways(.status(service: "b", state: "online", timeUntilNextConnect: nil)),
                .gateways(.otherLocation(service: "b", username: "bob@natter.test")),
            ])
    }

    /// Next to Realtime, the Zimbra session reports bridged contacts only: Realtime cannot reach them.
    @Test func nextToRealtimeOnlyBridgedContactsPass() {
        var session = loggedIn(carriesChat: false)
        let context = ZimbraResponseContext(notifications: [
            ZimbraNotify(
                seq: 1,
                notifications: [
                    .roster([
                        IMRosterItem(addr: "bob@natter.test", name: "Bob"),
                        IMRosterItem(addr: carol.bareString, name: "Carol", groups: ["b"]),
                    ]),
                    .presence(from: "bob@natter.test", IMPresence(show: .away)),
                    .presence(from: carol.bareString, IMPresence(show: .dnd)),
                    .message(
                        from: carol.bareString, thread: carol.bareString, timestamp: 1_800_000_000_000,
                        content: IMMessageContent(body: .init("via the gateway"))),
                    .rosterItem(IMRosterItem(addr: carol.bareString, name: "Carol", groups: ["b"])),
                ])
        ])
        let events = session.received(.noOp(waitDisallowed: false), context: context, for: .none, now: now)
        #expect(events.first == .roster(.loaded([Contact(jid: carol, displayName: "Carol", groups: ["b"])])))
        #expect(events.contains(.presence(.changed(carol, .dnd, status: nil, since: nil))))
        #expect(!events.contains(.presence(.changed(bob, .away, status: nil, since: nil))))
        #expect(
            events.contains { event in
                if case .chat(.received(let message)) = event { return message.conversation == .direct(carol) }
                return false
            })
        let stale = session.takeRosterStale()
        #expect(stale, "a bridged contact's change asks for the roster again")
    }
}
