import Foundation
import NatterCodecs
import NatterModel
import Testing

@testable import NatterServer

@Suite("Roster door: presence and blocking", .serialized)
struct RosterPresenceTests {
    @Test func presenceSetOverZimbraReachesRealtimeWatchersAndBack() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let bobRealtime = try await server.connect("bob", announce: true)
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            try await alice.send(
                .setPresence([
                    IMPresence(show: .dnd, priority: 5, status: "in a meeting"),
                    IMPresence(show: .dnd, status: "en réunion", lang: "fr"),
                ]))
            let heard = try await bobRealtime.skip { $0.presence?.presence == .dnd }
            #expect(try #require(heard.presence).from?.hasPrefix("alice@natter.test/") == true)
            // alice's first presence earns her the snapshot of her contacts: bob is online.
            let bob = try #require(
                try await alice.waitFor { $0.presenceShow?.from == "bob@natter.test" }.presenceShow)
            #expect(bob.presence.show == nil)

            await bobRealtime.send(.presenceChange(RealtimePresence(id: "p1", presence: .away)))
            let away = try #require(
                try await alice.waitFor { $0.presenceShow?.from == "bob@natter.test" }.presenceShow)
            #expect(away.presence.show == .away)

            // A Zimbra watcher sees the statuses per language.
            let bobZimbra = try await ZimbraPeer.login("bob", port: server.port)
            try await bobZimbra.send(.setPresence([IMPresence(show: .chat)]))
            let statuses = try await RosterPresenceTests.presences(of: "alice@natter.test", at: bobZimbra, count: 2)
            #expect(Set(statuses.map(\.status)) == ["in a meeting", "en réunion"])
            #expect(statuses.allSatisfy { $0.show == .dnd })
        }
    }

    @Test func presenceReachesOnlyThoseWhoListTheUser() async throws {
        try await TestServer.with(demo: false) { (server: TestServer) async throws in
            let storage = server.server.storage
            for name in ["alice", "bob", "eve"] { _ = try await storage.createUser(name: name, password: name) }
            try await storage.setContact(owner: "bob", contact: "alice")
            let eve = try await ZimbraPeer.login("eve", port: server.port)
            try await eve.send(.setPresence([IMPresence(show: .online)]))
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            try await bob.send(.setPresence([IMPresence(show: .away)]))
            _ = try await bob.sync()
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            try await alice.send(.setPresence([IMPresence(show: .xa)]))
            #expect(
                try await bob.waitFor { $0.presenceShow?.from == "alice@natter.test" }.presenceShow?.presence.show
                    == .xa)
            // eve lists nobody and nobody lists eve.
            #expect(try await eve.sync().compactMap(\.presenceShow).isEmpty)
            #expect(try await alice.sync().compactMap(\.presenceShow).isEmpty)
        }
    }

    @Test func blockedAddressesGetNothingAndTheListIsAnsweredWhole() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            try await bob.send(.setPresence([IMPresence(show: .online)]))
            // What came before the block is not what is tested.
            _ = try await alice.sync()
            _ = try await bob.sync()
            let blocked = try await alice.send(.modifyWhitelist(.init(.block, addr: "Bob@natter.test")))
            #expect(blocked == .modifyWhitelist(blocked: ["bob@natter.test"]))
            #expect(
                try await alice.send(.modifyWhitelist(.init(.block, addr: "spam.test")))
                    == .modifyWhitelist(blocked: ["bob@natter.test", "spam.test"]))
            #expect(
                try await alice.send(.modifyWhitelist(nil))
                    == .modifyWhitelist(blocked: ["bob@natter.test", "spam.test"]))

            try await bob.send(.sendMessage(to: .address("alice"), IMMessageContent(body: .init("let me in"))))
            try await bob.send(.sendMessage(to: .address("alice"), IMMessageContent(typing: true)))
            try await alice.send(.setPresence([IMPresence(show: .online)]))
            try await alice.send(.sendMessage(to: .address("bob"), IMMessageContent(body: .init("shh"))))
            let aliceGot = try await alice.sync()
            #expect(aliceGot.compactMap(\.messageContent).isEmpty)
            #expect(aliceGot.compactMap(\.presenceShow).filter { $0.from == "bob@natter.test" }.isEmpty)
            let bobGot = try await bob.sync()
            #expect(bobGot.compactMap(\.messageContent).isEmpty)
            #expect(bobGot.compactMap(\.presenceShow).filter { $0.from == "alice@natter.test" }.isEmpty)

            #expect(
                try await alice.send(.modifyWhitelist(.init(.allow, addr: "bob@natter.test")))
                    == .modifyWhitelist(blocked: ["spam.test"]))
            // Allowing what is not blocked is no error.
            #expect(
                try await alice.send(.modifyWhitelist(.init(.allow, addr: "bob@natter.test")))
                    == .modifyWhitelist(blocked: ["spam.test"]))
            try await bob.send(.sendMessage(to: .address("alice"), IMMessageContent(body: .init("friends again"))))
            let again = try await alice.waitFor { $0.messageContent != nil }
            #expect(again.messageContent?.content.body?.text == "friends again")
        }
    }

    static func presences(of address: String, at peer: ZimbraPeer, count: Int) async throws -> [IMPresence] {
        var found: [IMPresence] = []
        while found.count < count {
            found.append(
                try #require(try await peer.waitFor { $0.presenceShow?.from == address }.presenceShow).presence)
        }
        return found
    }
}
