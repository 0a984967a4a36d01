import Foundation
import NatterCodecs
import NatterModel
import Testing

@testable import NatterServer

@Suite("Realtime: domain events to frames (pure)")
struct RealtimeEventEncoderTests {
    private let encoder = RealtimeEventEncoder(domain: "natter.test")
    private let alice = StoredUser(id: 1, name: "alice", displayName: "Alice Liddell")

    private func message(to recipient: String? = "bob", room: String? = nil, extras: String? = nil) -> StoredMessage {
        StoredMessage(
            id: 7, key: "00000000000000000007", sender: alice, recipientName: room == nil ? recipient : nil,
            roomName: room, text: "hi", extras: extras, createdAt: Date(timeIntervalSince1970: 1_800_000_000),
            edited: false, deleted: false)
    }

    @Test func aMessageBecomesAChatWithTheSendersExtras() {
        let frame = encoder.message(for: .message(MessageEvent(message: message(), extras: ["x": 1])))
        #expect(
            frame
                == .chat(
                    RealtimeChat(
                        to: "bob@natter.test", from: "alice@natter.test", text: "hi", key: "00000000000000000007",
                        extras: ["x": 1], displayName: "Alice Liddell", received: "2027-01-15T08:00:00.000Z")))
    }

    @Test func storedExtrasAreReadWhenTheEventHasNone() throws {
        let frame = encoder.message(for: .messageEdited(message(room: "lounge", extras: #"{"y":"z"}"#)))
        let chat = try #require(frame.chatUpdated)
        #expect(chat.to == "lounge@natter.test" && chat.extras == ["y": "z"])
    }

    @Test func deletionsPresenceAndTyping() {
        #expect(
            encoder.message(for: .messageDeleted(message()))
                == .chatDeleted(
                    RealtimeChatRef(key: "00000000000000000007", to: "bob@natter.test", from: "alice@natter.test")))
        let since = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(
            encoder.message(
                for: .presence(
                    PresenceEvent(
                        from: JID("bob@natter.test/tui")!, to: JID("alice@natter.test")!, presence: .away, since: since)
                ))
                == .presenceChange(
                    RealtimePresence(
                        from: "bob@natter.test/tui", to: "alice@natter.test", presence: .away,
                        received: "2027-01-15T08:00:00.000Z")))
        #expect(
            encoder.message(
                for: .typing(
                    TypingEvent(from: JID("bob@natter.test")!, to: JID("lounge@natter.test")!, state: .stopped)))
                == .userTyping(RealtimeTyping(from: "bob@natter.test", to: "lounge@natter.test", state: .done)))
    }
}
