import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Roster door: subscriptions on the core buddy list", .serialized)
struct RosterSubscriptionTests {
    static func users(_ server: TestServer, _ names: [String]) async throws {
        for name in names { _ = try await server.server.storage.createUser(name: name, password: name) }
    }

    static func item(_ notification: IMNotification, _ addr: String) -> IMRosterItem? {
        switch notification {
        case .rosterItem(let item) where item.addr == addr: item
        case .roster(let items): items.first { $0.addr == addr }
        default: nil
        }
    }

    @Test func askAuthorizeWithAddBackAndPresenceFollows() async throws {
        try await TestServer.with(demo: false) { (server: TestServer) async throws in
            try await RosterSubscriptionTests.users(server, ["alice", "bob", "carol"])
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            let carol = try await ZimbraPeer.login("carol", port: server.port)
            try await alice.send(.setPresence([IMPresence(show: .away, status: "lunch")]))

            #expect(
                try await bob.send(.subscribe(addr: "Alice@natter.test", name: "Alice", groups: ["Work"]))
                    == .subscribe(addr: "alice@natter.test"))
            let pending = try #require(
                RosterSubscriptionTests.item(
                    try await bob.waitFor { RosterSubscriptionTests.item($0, "alice@natter.test") != nil },
                    "alice@natter.test"))
            #expect(pending.subscription == IMRosterItem.Subscription.none && pending.ask == .subscribe)
            #expect(pending.groups == ["Work"] && pending.name == "Alice")
            #expect(
                try await alice.waitFor { $0 == .subscribe(from: "bob@natter.test") }
                    == .subscribe(from: "bob@natter.test"))
            // Listed but not yet allowed: bob hears nothing of alice.
            #expect(try await bob.sync().compactMap(\.presenceShow).isEmpty)

            try await alice.send(
                .authorizeSubscribe(
                    addr: "bob@natter.test", authorized: true, add: true, name: "Bob", groups: ["Friends"]))
            let bobSees = try #require(
                RosterSubscriptionTests.item(
                    try await bob.waitFor {
                        RosterSubscriptionTests.item($0, "alice@natter.test")?.subscription == .both
                    }, "alice@natter.test"))
            #expect(bobSees.ask == nil)
            let aliceSees = try #require(
                RosterSubscriptionTests.item(
                    try await alice.waitFor {
                        RosterSubscriptionTests.item($0, "bob@natter.test")?.subscription == .both
                    },
                    "bob@natter.test"))
            #expect(aliceSees.groups == ["Friends"])
            let presence = try #require(
                try await bob.waitFor { $0.presenceShow?.from == "alice@natter.test" }.presenceShow)
            #expect(presence.presence.show == .away && presence.presence.status == "lunch")

            try await alice.send(.setPresence([IMPresence(show: .dnd)]))
            #expect(
                try await bob.waitFor { $0.presenceShow?.from == "alice@natter.test" }.presenceShow?.presence.show
                    == .dnd)
            // carol is on nobody's list and hears nothing.
            #expect(try await carol.sync().compactMap(\.presenceShow).isEmpty)
            // The roster carries the state on a fresh login too.
            let again = try await ZimbraPeer.login("bob", port: server.port)
            try await again.send(.getRoster)
            let listed = try #require(
                RosterSubscriptionTests.item(
                    try await again.waitFor { if case .roster = $0 { true } else { false } }, "alice@natter.test"))
            #expect(listed.subscription == .both && listed.groups == ["Work"])
        }
    }

    @Test func denyLeavesOnlyAnUnsubscribedToTheAsker() async throws {
        try await TestServer.with(demo: false) { (server: TestServer) async throws in
            try await RosterSubscriptionTests.users(server, ["alice", "carol"])
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let carol = try await ZimbraPeer.login("carol", port: server.port)
            try await carol.send(.subscribe(addr: "alice", name: nil, groups: []))
            _ = try await alice.waitFor { $0 == .subscribe(from: "carol@natter.test") }
            try await alice.send(.authorizeSubscribe(addr: "carol@natter.test", authorized: false))
            let denied = try await carol.waitFor {
                if case .rosterItem(let item) = $0 { item.state == .unsubscribed } else { false }
            }
            #expect(
                RosterSubscriptionTests.item(denied, "alice@natter.test")?.subscription
                    == IMRosterItem.Subscription.none)
            #expect(
                try await server.server.storage.contacts(
                    of: try #require(try await server.server.storage.user(named: "carol"))
                ).isEmpty)
            #expect(
                try await server.server.storage.contacts(
                    of: try #require(try await server.server.storage.user(named: "alice"))
                ).isEmpty)
            // No request is left to answer, and a fresh roster asks nothing again.
            #expect(try await alice.fault(.authorizeSubscribe(addr: "carol", authorized: true)).code == .invalidRequest)
            try await alice.send(.getRoster)
            #expect(try await alice.sync().contains { if case .subscribe = $0 { true } else { false } } == false)
        }
    }

    @Test func blockedAddressesSendNoRequestsAndPendingOnesReturnWithTheRoster() async throws {
        try await TestServer.with(demo: false) { (server: TestServer) async throws in
            try await RosterSubscriptionTests.users(server, ["alice", "bob", "eve"])
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            try await alice.send(.modifyWhitelist(.init(.block, addr: "eve@natter.test")))
            let eve = try await ZimbraPeer.login("eve", port: server.port)
            try await eve.send(.subscribe(addr: "alice", name: nil, groups: []))
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            try await bob.send(.subscribe(addr: "alice", name: nil, groups: []))
            _ = try await alice.waitFor { $0 == .subscribe(from: "bob@natter.test") }
            #expect(try await alice.sync().isEmpty)
            // A client that missed the request finds it again with its roster.
            let later = try await ZimbraPeer.login("alice", port: server.port)
            try await later.send(.getRoster)
            let asks = try await later.sync().filter { if case .subscribe = $0 { true } else { false } }
            #expect(asks == [.subscribe(from: "bob@natter.test")])
        }
    }
}
