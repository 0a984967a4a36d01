import NatterCodecs
import NatterModel
import Testing

@Suite("Realtime: presence")
struct PresenceTests {
    private func presences(_ messages: [RealtimeMessage]) -> [RealtimePresence] {
        messages.compactMap { if case .presenceChange(let presence) = $0 { presence } else { nil } }
    }

    @Test func firstPresenceGetsContactSnapshotWithReceived() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let bob = try await server.connect("bob", resource: "desk", announce: true)
            _ = try await bob.sync()
            // carol has logged in before but is offline now; dave never has.
            _ = try await server.session("carol")
            let alice = try await server.connect("alice")
            await alice.send(.presenceChange(RealtimePresence(id: "p", presence: .available)))
            var snapshot: [RealtimePresence] = []
            while snapshot.count < 3 {
                let message = try await alice.next()
                if case .presenceChange(let presence) = message { snapshot.append(presence) }
            }
            let byUser = Dictionary(grouping: snapshot) { String($0.from?.split(separator: "/").first ?? "") }
            let bobEntry = try #require(byUser["bob@natter.test"]?.first)
            #expect(bobEntry.from == "bob@natter.test/desk")
            #expect(bobEntry.presence == .available)
            #expect(bobEntry.received != nil)
            #expect(bobEntry.to == "alice@natter.test")
            #expect(byUser["carol@natter.test"]?.first?.presence == .unavailable)
            #expect(byUser["carol@natter.test"]?.first?.received != nil, "last seen at her last login")
            #expect(byUser["dave@natter.test"]?.first?.presence == .unavailable)
            #expect(byUser["dave@natter.test"]?.first?.received == nil, "never seen")

            // Bob, a contact of alice, hears her come online with no `received`.
            let heard = try await bob.skip(until: { if case .presenceChange = $0 { true } else { false } })
            #expect(
                heard
                    == .presenceChange(
                        RealtimePresence(from: await alice.jid, to: "bob@natter.test", presence: .available)))
        }
    }

    @Test func changesFanOutAndLastDisconnectIsUnavailable() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let bob = try await server.connect("bob", announce: true)
            let alice1 = try await server.connect("alice", resource: "one", announce: true)
            let alice2 = try await server.connect("alice", resource: "two", announce: true)
            _ = try await bob.sync()

            await alice1.send(.presenceChange(RealtimePresence(presence: .dnd)))
            let change = try await bob.skip(until: {
                if case .presenceChange(let presence) = $0 { presence.presence == .dnd } else { false }
            })
            #expect(
                change
                    == .presenceChange(
                        RealtimePresence(from: "alice@natter.test/one", to: "bob@natter.test", presence: .dnd)))

            await alice1.close()
            // alice/one set the latest presence; with it gone alice/two's `available` speaks for her again.
            let fallback = try await bob.skip(until: {
                if case .presenceChange(let presence) = $0 { presence.presence == .available } else { false }
            })
            #expect(
                fallback
                    == .presenceChange(
                        RealtimePresence(from: "alice@natter.test/two", to: "bob@natter.test", presence: .available)))
            await alice2.close()
            let gone = try await bob.skip(until: {
                if case .presenceChange(let presence) = $0 { presence.presence == .unavailable } else { false }
            })
            #expect(
                gone
                    == .presenceChange(
                        RealtimePresence(from: "alice@natter.test/two", to: "bob@natter.test", presence: .unavailable)))
        }
    }

    @Test func rosterListsContactsWithNamesGroupsAndPresence() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            _ = try await server.connect("bob", announce: true)
            let alice = try await server.connect("alice")
            await alice.send(.roster(id: "r"))
            let ack = try await alice.nextAck()
            let contacts = try RealtimeCodec.rosterContacts(from: ack.response)
            #expect(contacts.map(\.name) == ["Bob Martin", "Carol Chen", "Dave Okafor"])
            #expect(contacts.first?.jid == "bob@natter.test")
            #expect(contacts.first?.presence == .available)
            #expect(contacts.first?.groups.sorted() == ["Friends", "Team"])
            #expect(contacts.last?.presence == .unavailable)
            #expect(contacts.last?.groups == ["Team"])
        }
    }

    @Test func statusTextFansOutWithItsPresenceAndIsInTheRoster() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let bob = try await server.connect("bob", announce: true)
            let alice = try await server.connect("alice", resource: "one", announce: true)
            _ = try await bob.sync()

            await alice.send(.presenceChange(RealtimePresence(presence: .away, status: "lunch")))
            let away = try await bob.skip(until: {
                if case .presenceChange(let presence) = $0 { presence.presence == .away } else { false }
            })
            #expect(
                away
                    == .presenceChange(
                        RealtimePresence(
                            from: "alice@natter.test/one", to: "bob@natter.test", presence: .away, status: "lunch")))

            // Same presence, new text: still news for the watchers.
            await alice.send(.presenceChange(RealtimePresence(presence: .away, status: "back at 2")))
            let retext = try await bob.skip(until: {
                if case .presenceChange(let presence) = $0 { presence.status == "back at 2" } else { false }
            })
            #expect(retext.type == "presence_change")

            await bob.send(.roster(id: "r"))
            let ack = try await bob.nextAck()
            let contacts = try RealtimeCodec.rosterContacts(from: ack.response)
            let entry = try #require(contacts.first { $0.jid == "alice@natter.test" })
            #expect(entry.presence == .away)
            #expect(entry.status == "back at 2")

            // A later peer gets the text in its snapshot.
            let carol = try await server.connect("carol")
            await carol.send(.presenceChange(RealtimePresence(id: "p", presence: .available)))
            let snapshot = try await carol.skip(until: {
                if case .presenceChange(let presence) = $0 {
                    presence.from?.hasPrefix("alice@") ?? false
                } else {
                    false
                }
            })
            guard case .presenceChange(let seen) = snapshot else {
                Issue.record("expected a presence, got \(snapshot)")
                return
            }
            #expect(seen.status == "back at 2")
        }
    }
}
