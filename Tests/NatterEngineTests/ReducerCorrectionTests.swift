import Foundation
import NatterEngine
import NatterModel
import Testing

/// `/edit`, `/delete`, `/retry` and `/cancel` on the user's own messages.
@Suite struct ReducerCorrectionTests {
    func sent(_ harness: inout ReducerHarness, _ text: String, key: String) {
        harness.intent(.send(text: text, to: .direct(harness.bob)))
        let id = harness.state.conversations[.direct(harness.bob)]!.messages.last!.id
        harness.event(.chat(.acked(localID: id, serverKey: key, timestamp: nil)))
    }

    @Test func editAndDeleteChangeTheNewestSentMessageAndTellTheServer() throws {
        var harness = ReducerHarness()
        let chat = ConversationID.direct(harness.bob)
        sent(&harness, "first", key: "1")
        sent(&harness, "teh typo", key: "2")
        harness.event(.chat(.received(harness.incoming("an answer", key: "3", at: 5))))

        let edit = harness.intent(.chat(.editLast(chat, text: "the typo")))
        #expect(ReducerHarness.commands(edit) == [.chat(.edit(chat, serverKey: "2", text: "the typo"))])
        let edited = try #require(harness.state.conversations[chat]?.messages.first { $0.serverKey == "2" })
        #expect(edited.text == "the typo" && edited.isEdited)
        #expect(edit.contains(.persist(edited)))

        let delete = harness.intent(.chat(.deleteLast(chat)))
        #expect(ReducerHarness.commands(delete) == [.chat(.delete(chat, serverKey: "2"))])
        let deleted = try #require(harness.state.conversations[chat]?.messages.first { $0.serverKey == "2" })
        #expect(deleted.isDeleted && deleted.text.isEmpty)
        // The next /delete reaches the message before it, never the peer's.
        #expect(
            ReducerHarness.commands(harness.intent(.chat(.deleteLast(chat)))) == [.chat(.delete(chat, serverKey: "1"))])
        #expect(ReducerHarness.commands(harness.intent(.chat(.deleteLast(chat)))).isEmpty)
        #expect(harness.state.statusNotice?.level == .error)
    }

    @Test func aDeleteFromThePeerLeavesAMarkerInPlace() {
        var harness = ReducerHarness()
        let chat = ConversationID.direct(harness.bob)
        harness.event(.chat(.received(harness.incoming("oops", key: "7"))))
        let effects = harness.event(.chat(.deleted(serverKey: "7")))
        let message = harness.state.conversations[chat]?.messages.first
        #expect(message?.isDeleted == true && message?.text == "")
        #expect(effects.contains { if case .persist(let saved) = $0 { saved.isDeleted } else { false } })
    }

    @Test func retrySendsAFailedMessageAgainUnderItsOwnID() {
        var harness = ReducerHarness()
        let chat = ConversationID.direct(harness.bob)
        harness.intent(.send(text: "x", to: chat))
        harness.event(.chat(.failed(localID: "m-1", reason: "server busy")))
        let effects = harness.intent(.chat(.retryFailed(chat)))
        #expect(ReducerHarness.commands(effects) == [.chat(.send(localID: "m-1", to: chat, text: "x"))])
        #expect(harness.state.conversations[chat]?.messages.last?.delivery == .pending)
        #expect(ReducerHarness.commands(harness.intent(.chat(.retryFailed(chat)))).isEmpty)
    }

    @Test func cancelTakesAPendingMessageOutOfTheOutbox() {
        var harness = ReducerHarness(online: false)
        let chat = ConversationID.direct(harness.bob)
        harness.intent(.send(text: "never mind", to: chat))
        let effects = harness.intent(.chat(.cancelPending(chat)))
        #expect(effects == [.forget(messageID: "m-1", account: .default)])
        #expect(harness.state.conversations[chat]?.messages.isEmpty == true)
        // Nothing is left to resend on reconnect.
        let reconnect = harness.event(.session(.authenticated(harness.alice)))
        #expect(!reconnect.contains { if case .adapter(_, .chat(.send)) = $0 { true } else { false } })
    }
}

@Suite struct ReducerIncomingWindowTests {
    @Test func aWindowOpenedByAnIncomingMessageAsksForTheHistoryBeforeIt() {
        var harness = ReducerHarness()
        let chat = ConversationID.direct(harness.bob)
        let first = harness.event(.chat(.received(harness.incoming("hello again", key: "40"))))
        #expect(
            ReducerHarness.commands(first) == [
                .chat(.fetchHistory(chat, before: nil, limit: harness.reducer.historyPageSize))
            ])
        #expect(harness.state.conversations[chat]?.isLoadingHistory == true)
        // The page arrives with the message itself among older ones: kept once, older ones above it.
        harness.event(
            .chat(
                .historyLoaded(
                    chat,
                    [
                        harness.incoming("earlier", key: "30", at: -60),
                        harness.incoming("hello again", key: "40"),
                    ], hasMore: false)))
        #expect(harness.state.conversations[chat]?.messages.map(\.text) == ["earlier", "hello again"])
        #expect(harness.state.conversations[chat]?.unread == 1)
        // Later messages in the open window ask for nothing more.
        let second = harness.event(.chat(.received(harness.incoming("and again", key: "41", at: 1))))
        #expect(ReducerHarness.commands(second).isEmpty)
    }
}
