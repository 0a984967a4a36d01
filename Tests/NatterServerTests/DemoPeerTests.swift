import Logging
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Demo: seed data and simulated peers")
struct DemoPeerTests {
    /// A demo server whose peers run on a fast clock.
    private func withFastPeers(_ body: (TestServer) async throws -> Void) async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let peer = DemoPeer(
                service: server.server.core, logger: Logger(label: "demo-test"),
                timing: .init(
                    thinking: .milliseconds(20), typing: .milliseconds(50), presencePeriod: .milliseconds(300)))
            try await peer.start()
            do {
                try await body(server)
            } catch {
                await peer.stop()
                throw error
            }
            await peer.stop()
        }
    }

    @Test func carolTypesThenAnswersAndTheAnswerIsStored() async throws {
        try await withFastPeers { server in
            let alice = try await server.connect("alice")
            await alice.send(.chat(RealtimeChat(id: "q", to: "carol", text: "hello carol")))
            // Dave keeps changing presence meanwhile; only carol's frames matter here.
            let notPresence: @Sendable (RealtimeMessage) -> Bool = {
                if case .presenceChange = $0 { false } else { true }
            }
            let sent = try #require(try await alice.skip(until: notPresence).ack, "expected the ack first")
            #expect(sent.replyTo == "q" && sent.key != nil)
            let typing = try await alice.skip(until: notPresence)
            #expect(
                typing
                    == .userTyping(
                        RealtimeTyping(from: "carol@natter.test", to: "alice@natter.test", state: .composing)))
            #expect(
                try await alice.skip(until: notPresence)
                    == .userTyping(RealtimeTyping(from: "carol@natter.test", to: "alice@natter.test", state: .done)))
            let reply = try #require(try await alice.skip(until: notPresence).chat, "expected carol's reply")
            #expect(reply.from == "carol@natter.test" && reply.displayName == "Carol Chen")
            #expect(reply.text.contains("Alice"), "greets by first name: \(reply.text)")

            await alice.send(.history(RealtimeHistoryRequest(id: "h", with: "carol", limit: 2)))
            let ack = try #require(try await alice.skip(until: notPresence).ack)
            let page = try RealtimeCodec.historyPage(from: ack.response)
            #expect(page.messages.map(\.text) == ["hello carol", reply.text])
        }
    }

    @Test func daveCyclesPresence() async throws {
        try await withFastPeers { server in
            let alice = try await server.connect("alice")
            await alice.send(.presenceChange(RealtimePresence(presence: .available)))
            var seen: [String] = []
            while seen.count < 3 {
                let message = try await alice.next()
                if case .presenceChange(let presence) = message, presence.from == "dave@natter.test/demo" {
                    seen.append(presence.presence.rawValue)
                }
            }
            #expect(Set(seen).count >= 2, "dave's presence changes: \(seen)")
        }
    }

    @Test func simulatedCarolStepsAsideForTheRealOne() async throws {
        try await withFastPeers { server in
            let alice = try await server.connect("alice", announce: true)
            _ = try await alice.sync()
            let carol = try await server.connect("carol", resource: "real", announce: true)
            let messages = try await alice.sync()
            #expect(
                messages.contains(
                    .presenceChange(
                        RealtimePresence(
                            from: "carol@natter.test/demo", to: "alice@natter.test", presence: .unavailable))))
            #expect(
                messages.contains(
                    .presenceChange(
                        RealtimePresence(from: "carol@natter.test/real", to: "alice@natter.test", presence: .available))
                ))

            await alice.send(.chat(RealtimeChat(id: "m", to: "carol", text: "are you real?")))
            // dave's presence keeps cycling meanwhile.
            _ = try await alice.skip(until: { $0.ack?.replyTo == "m" })
            let chat = try #require(try await carol.skip(until: \.isChat).chat)
            #expect(chat.text == "are you real?")
            // The simulated carol would answer after her thinking time; no frame marks that she decided not to.
            let afterwards = await alice.drain(for: .milliseconds(400)).filter { !$0.isPresence }
            #expect(afterwards.isEmpty, "the simulated carol stays quiet: \(afterwards)")

            await carol.close()
            try await server.waitUntil("the real carol has left") {
                await !server.server.core.hub.hasRealSession("carol")
            }
            // Both carols are available, so watchers see no change; the simulated one simply answers again.
            await alice.send(.chat(RealtimeChat(id: "m2", to: "carol", text: "hello again")))
            let heard = try await alice.collect(until: \.isChat)
            #expect(
                !heard.contains {
                    if case .presenceChange(let presence) = $0 {
                        presence.from?.hasPrefix("carol@") == true && presence.presence == .unavailable
                    } else {
                        false
                    }
                }, "carol never looked offline: \(heard)")
            #expect(heard.last?.chat?.from == "carol@natter.test")
        }
    }

    @Test func carolAndDaveSitInTheLounge() async throws {
        try await withFastPeers { server in
            let lounge = "lounge@natter.test"
            let inLounge: @Sendable (RealtimeMessage) -> Bool = {
                if case .presenceChange(let presence) = $0 { presence.to == lounge } else { false }
            }
            let alice = try await server.connect("alice")
            await alice.send(.teamJoin(RealtimeRoomRequest(id: "j", to: lounge)))
            var occupants: Set<String> = []
            while occupants.count < 2 {
                let presence = try #require(try await alice.skip(until: inLounge).presence)
                if presence.presence != .unavailable { occupants.insert(presence.from ?? "") }
            }
            #expect(occupants == ["carol@natter.test/demo", "dave@natter.test/demo"])

            // dave's wandering reaches the room, not just his watchers.
            let change = try #require(try await alice.skip(until: inLounge).presence)
            #expect(change.from == "dave@natter.test/demo" && change.presence != .unavailable)

            // A real dave takes over: the simulated one leaves the room.
            _ = try await server.connect("dave", resource: "real")
            let stepAside = try await alice.skip(until: {
                if case .presenceChange(let presence) = $0 {
                    presence.to == lounge && presence.presence == .unavailable
                } else {
                    false
                }
            })
            #expect(
                stepAside
                    == .presenceChange(
                        RealtimePresence(from: "dave@natter.test/demo", to: lounge, presence: .unavailable)))
        }
    }

    @Test func seedIsIdempotentAndComplete() async throws {
        let storage = try Storage(path: nil, passwordCost: 4)
        defer { storage.close() }
        #expect(try await DemoSeed.seedIfEmpty(storage, domain: "natter.test"))
        #expect(try await !DemoSeed.seedIfEmpty(storage, domain: "natter.test"))
        #expect(try await storage.allUsers().map(\.name) == ["alice", "bob", "carol", "dave"])
        let team = try #require(try await storage.room(named: "team"))
        #expect(team.kind == .distribution)
        #expect(try await storage.members(of: team).count == 4)
        #expect(try await storage.room(named: "lounge")?.displayName == "Lounge")
        let authenticator = Authenticator(
            storage: storage, domain: "natter.test", clock: ManualClock(), logger: Logger(label: "test"))
        #expect(try await authenticator.authenticate(user: "dave", password: "dave")?.displayName == "Dave Okafor")
    }

    @Test func repliesFollowTheConversation() {
        var replies = DemoReplies()
        #expect(replies.reply(to: "Hey there", from: "Alice Liddell").hasPrefix("Hi Alice!"))
        #expect(replies.reply(to: "Lunch?", from: "Bob Martin").contains("Bob"))
        let first = replies.reply(to: "the build broke", from: "Bob")
        let second = replies.reply(to: "the build broke", from: "Bob")
        #expect(first.contains("the build broke") && second.contains("the build broke"))
        #expect(first != second, "the canned answers rotate")
    }

    @Test(.timeLimit(.minutes(5))) func demoUsersAcceptAConferenceInvitationAndAnswerInIt() async throws {
        try await withFastPeers { server in
            let core = server.server.core
            let (events, sink) = AsyncStream<ConferenceEvent>.makeStream()
            let user = try #require(try await core.storage.user(named: "alice"))
            let alice = try await core.attach(
                user: user, resource: "test", id: await core.hub.makeSessionID(),
                subscriber: HubClosureSubscriber({ _ in }, conference: { sink.yield($0) }))
            let opening = ConferenceText(text: "hello both", contentType: "text/plain", format: nil)
            let id = try await core.startConference(
                inviting: ["carol", "dave"], subject: "Plans", message: opening, from: alice)

            var joined: Set<String> = []
            var said: [String: ConferenceText] = [:]
            var typing: Set<String> = []
            var iterator = events.makeAsyncIterator()
            while said.count < 2, let event = await iterator.next() {
                #expect(event.conference == id)
                switch event.kind {
                case .joined(let name): joined.insert(name)
                case .composing(let name, true): typing.insert(name)
                case .message(let name, let text): said[name] = text
                default: break
                }
            }
            #expect(joined == ["carol", "dave"])
            #expect(typing == ["carol", "dave"], "each types before speaking")
            #expect(said["carol"]?.text.contains("“Plans”") == true, "\(said)")
            // Each speaks in their own X-MMS-IM-Format, so the demo shows styled conference messages.
            #expect(said["carol"]?.format == DemoPeer.conferenceFormats["carol"])
            #expect(said["dave"]?.format == DemoPeer.conferenceFormats["dave"])

            try await core.sendToConference(
                id, ConferenceText(text: "lunch at noon?", contentType: nil, format: nil), from: alice)
            var answer: (String, ConferenceText)?
            while answer == nil, let event = await iterator.next() {
                if case .message(let name, let text) = event.kind { answer = (name, text) }
            }
            #expect(answer?.0 == "carol", "one demo user answers, not both")
            #expect(answer?.1.text.hasPrefix("Good question, Alice") == true, "\(String(describing: answer))")
            await core.detach(alice)
        }
    }
}
