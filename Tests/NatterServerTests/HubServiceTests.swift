import Foundation
import Logging
import NatterModel
import Synchronization
import Testing

@testable import NatterServer

/// The core without any door: sessions are subscribers that record the domain events they receive, as a
/// future protocol's connection would before encoding them.
@Suite("Hub: the protocol-neutral core")
struct HubServiceTests {
    final class Recorder: HubSubscriber {
        private let events = Mutex<[HubEvent]>([])

        func receive(_ event: HubEvent) { events.withLock { $0.append(event) } }

        func take() -> [HubEvent] {
            events.withLock { events in
                defer { events = [] }; return events
            }
        }
    }

    private func withCore(_ body: (HubService) async throws -> Void) async throws {
        let storage = try Storage(path: nil, passwordCost: 4)
        defer { storage.close() }
        try await DemoSeed.seedIfEmpty(storage, domain: "natter.test")
        try await body(
            HubService(storage: storage, domain: "natter.test", clock: ManualClock(), logger: Logger(label: "test")))
    }

    private func attach(_ name: String, to core: HubService, recorder: Recorder) async throws -> HubSession {
        let user = try #require(try await core.storage.user(named: name))
        return try await core.attach(
            user: user, resource: "r", id: await core.hub.makeSessionID(), subscriber: recorder)
    }

    @Test func aChatIsStoredAndPublishedToTheRecipientAndTheSendersOtherSessions() async throws {
        try await withCore { core in
            let (alice, alicePhone, bob) = (Recorder(), Recorder(), Recorder())
            let aliceSession = try await attach("alice", to: core, recorder: alice)
            _ = try await attach("alice", to: core, recorder: alicePhone)
            _ = try await attach("bob", to: core, recorder: bob)
            let stored = try await core.sendChat(
                .init(to: "bob", text: "hi", extras: ["x": 1], clientID: "c1"), from: aliceSession)
            let expected = HubEvent.message(MessageEvent(message: stored, extras: ["x": 1]))
            #expect(bob.take() == [expected])
            #expect(alicePhone.take() == [expected], "carbon to the sender's other session")
            #expect(alice.take().isEmpty, "the sending session learns from its door's reply, not an event")
            #expect(try await core.storage.message(key: stored.key)?.text == "hi")
        }
    }

    @Test func typingRoomsAndRefusals() async throws {
        try await withCore { core in
            let (alice, bob) = (Recorder(), Recorder())
            let aliceSession = try await attach("alice", to: core, recorder: alice)
            let bobSession = try await attach("bob", to: core, recorder: bob)
            try await core.typing(.composing, to: "bob@natter.test", from: aliceSession)
            #expect(
                bob.take() == [
                    .typing(
                        TypingEvent(from: JID("alice@natter.test")!, to: JID("bob@natter.test")!, state: .composing))
                ])
            await #expect(throws: HubError.invalidArgument("join lounge@natter.test first")) {
                try await core.sendChat(.init(to: "lounge", text: "hi"), from: aliceSession)
            }
            await #expect(throws: HubError.invalidArgument("unknown recipient 'nobody'")) {
                try await core.sendChat(.init(to: "nobody", text: "hi"), from: aliceSession)
            }
            try await core.join("lounge", session: aliceSession)
            try await core.join("lounge@natter.test", session: bobSession)
            // Joining, each hears who is in the room.
            #expect(alice.take().count == 1 && bob.take().count == 1)
            let stored = try await core.sendChat(.init(to: "lounge", text: "room"), from: bobSession)
            #expect(alice.take() == [.message(MessageEvent(message: stored, extras: nil))])
            #expect(bob.take().isEmpty)
            await #expect(throws: HubError.invalidArgument("only the author may change message \(stored.key)")) {
                try await core.deleteChat(key: stored.key, from: aliceSession)
            }
        }
    }
}
