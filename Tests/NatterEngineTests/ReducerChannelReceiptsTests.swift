import Foundation
import NatterEngine
import NatterModel
import Testing

/// Channel receipts in the engine: each message of others is reported displayed and read once, only what
/// arrived while connected owes receipts, and our messages count who read them.
@Suite struct ReducerChannelReceiptsTests {
    static let channels = SourceKey(account: .default, protocolKind: .channels)
    let id = ConversationID.channel("c1")
    let carol = JID("carol@natter.test")!

    /// Alice online on the Channels adapter, a member of channel c1.
    func harness() -> ReducerHarness {
        var harness = ReducerHarness(online: false)
        harness.event(.session(.attached([.channels, .presence])), from: Self.channels)
        harness.event(.session(.authenticated(harness.alice)), from: Self.channels)
        harness.event(.channels(.listed([Channel(id: "c1", name: "Ops")])), from: Self.channels)
        return harness
    }

    func message(_ key: String, from sender: JID, outgoing: Bool = false) -> Message {
        Message(
            id: key, serverKey: key, conversation: id, sender: sender, text: key,
            timestamp: Date(timeIntervalSince1970: 0),
            isOutgoing: outgoing)
    }

    func statuses(_ effects: [Effect]) -> [ChannelCommand] {
        effects.compactMap { effect in
            if case .adapter(Self.channels, .channels(let command)) = effect { command } else { nil }
        }
    }

    @Test func eachMessageIsDisplayedOnceThenReadOnce() {
        var harness = harness()
        harness.event(.chat(.received(message("m-1", from: harness.bob))), from: Self.channels)
        harness.event(.chat(.received(message("m-2", from: harness.bob))), from: Self.channels)

        let shown = harness.intent(.channels(.displayed(id, messageIDs: ["m-2"], read: false)))
        #expect(statuses(shown) == [.markDisplayed(channel: "c1", messageIDs: ["m-2"])])
        // The next frame shows the same message: nothing more is owed for it.
        #expect(statuses(harness.intent(.channels(.displayed(id, messageIDs: ["m-2"], read: false)))).isEmpty)

        let read = harness.intent(.channels(.markRead(id)))
        #expect(statuses(read) == [.markRead(channel: "c1", messageIDs: ["m-1", "m-2"])])
        #expect(statuses(harness.intent(.channels(.markRead(id)))).isEmpty, "read twice is a storm")
        #expect(statuses(harness.intent(.channels(.displayed(id, messageIDs: ["m-1"], read: false)))).isEmpty)
    }

    @Test func readWhileShownSkipsDisplayedAndOwnMessagesOweNothing() {
        var harness = harness()
        harness.event(.chat(.received(message("m-1", from: harness.bob))), from: Self.channels)
        harness.event(.chat(.received(message("m-2", from: harness.alice))), from: Self.channels)
        let read = harness.intent(.channels(.displayed(id, messageIDs: ["m-1", "m-2"], read: true)))
        #expect(statuses(read) == [.markRead(channel: "c1", messageIDs: ["m-1"])])
        #expect(harness.state.channelReceipts[id]?.undisplayed == [])
    }

    @Test func historyOwesNoReceiptsAndOfflineKeepsThemOwed() {
        var harness = harness()
        harness.event(
            .chat(.historyLoaded(id, [message("old", from: harness.bob)], hasMore: false)), from: Self.channels)
        #expect(statuses(harness.intent(.channels(.markRead(id)))).isEmpty)

        harness.event(.chat(.received(message("m-1", from: harness.bob))), from: Self.channels)
        harness.event(.session(.connection(.offline(reason: nil))), from: Self.channels)
        #expect(statuses(harness.intent(.channels(.markRead(id)))).isEmpty)
        #expect(harness.state.channelReceipts[id]?.unread == ["m-1"], "a receipt that could not go stays owed")
    }

    @Test func readReceiptsCountDistinctReaders() {
        var harness = harness()
        harness.event(.chat(.received(message("mine", from: harness.alice, outgoing: true))), from: Self.channels)
        for (reader, state) in [
            (harness.bob, DeliveryState.delivered), (harness.bob, .read), (harness.bob, .read), (carol, .read),
        ] {
            harness.event(
                .channels(.receipt(channel: "c1", messageID: "mine", state: state, by: reader)), from: Self.channels)
        }
        #expect(harness.state.channelReceipts[id]?.readers["mine"] == [harness.bob, carol])
        #expect(harness.state.conversations[id]?.messages.first?.delivery == .read)
    }
}
