import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// The Channels client state machine: what it sends for engine commands and what it makes of server frames.
@Suite struct ChannelSessionTests {
    let me = JID("alice@natter.test")!
    let channel = ConversationID.channel("c1")
    let time = Date(timeIntervalSince1970: 1_800_000_000)

    private func frame(_ message: ChannelServerMessage) -> String { ChannelCodec.encode(message) }

    /// A session past its opening: announced and listed in channel c1.
    private func listed() -> ChannelSession {
        var session = ChannelSession(account: me)
        _ = session.begin()
        _ = session.incoming(
            text: frame(
                .channelList(ChannelList(channels: [.init(channelID: "c1", name: "Ops", administrator: true)]))),
            now: time
        )
        return session
    }

    /// The first `retrieve` among what the session asked to send.
    private func firstRetrieve(in actions: ChannelSession.Actions) -> ChannelRetrieve? {
        actions.send.lazy.compactMap { message -> ChannelRetrieve? in
            if case .retrieve(let retrieve) = message { return retrieve }
            return nil
        }.first
    }

    private func wireMessage(_ id: String, replyTo: String? = nil, sender: String = "bob@natter.test") -> String {
        frame(
            .message(
                ChannelMessage(channelID: "c1", messageID: id, text: id, sender: sender, time: time, replyTo: replyTo)))
    }

    @Test func opensByAnnouncingAndListingThenAsksForMembers() throws {
        var session = ChannelSession(account: me)
        let opening = session.begin()
        #expect(opening.map(\.type) == ["announce", "list-channels"])
        let actions = session.incoming(
            text: frame(
                .channelList(ChannelList(channels: [.init(channelID: "c1", name: "Ops", administrator: true)]))),
            now: time
        )
        #expect(actions.send.map(\.type) == ["list-subscribers"])
        #expect(actions.events.contains(.session(.synchronized)))
        #expect(actions.events.contains(.channels(.listed([Channel(id: "c1", name: "Ops")]))))
    }

    /// `/create` and joining by token answer with the channel's id: the engine opens its window. An ack of
    /// anything else, or a refusal, opens nothing.
    @Test func aCreateTheServerAcceptsEntersTheChannel() throws {
        var session = listed()
        let sent = session.outgoing(.channels(.create(name: "Ops", inviteToken: nil)), now: time)
        guard case .createChannel(let create) = try #require(sent.first) else {
            Issue.record("expected create-channel, got \(sent)")
            return
        }
        let accepted = session.incoming(
            text: frame(.ack(ChannelAck(id: "c9", replyTo: create.id, status: true))), now: time)
        #expect(accepted.events == [.channels(.entered("c9"))])

        let refusedCreate = try #require(
            session.outgoing(.channels(.create(name: "Ops", inviteToken: "bad")), now: time).first)
        let refused = session.incoming(
            text: frame(.ack(ChannelAck(id: nil, replyTo: refusedCreate.id, status: false, reason: "no"))), now: time)
        #expect(!refused.events.contains { if case .channels(.entered) = $0 { true } else { false } })

        let rename = try #require(session.outgoing(.channels(.rename(channel: "c1", name: "Ops 2")), now: time).first)
        let renamed = session.incoming(
            text: frame(.ack(ChannelAck(id: "c1", replyTo: rename.id, status: true))), now: time)
        #expect(renamed.events.isEmpty)
    }

    @Test func aSendIsAckedByStoredAndReceiptsMoveItForward() throws {
        var session = listed()
        let sent = session.outgoing(.chat(.send(localID: "m-1", to: channel, text: "hi")), now: time)
        guard case .message(let message) = try #require(sent.first) else {
            Issue.record("expected a message, got \(sent)")
            return
        }
        #expect(message.messageID == "m-1" && message.channelID == "c1")
        #expect(
            session.incoming(text: frame(.ack(ChannelAck(replyTo: message.id, status: true))), now: time).events.isEmpty
        )
        let stored = session.incoming(
            text: frame(.delivery(ChannelDelivery(messageID: "m-1", status: .stored, channelID: "c1"))), now: time)
        #expect(stored.events == [.chat(.acked(localID: "m-1", serverKey: "m-1", timestamp: nil))])
        let read = session.incoming(
            text: frame(
                .delivery(
                    ChannelDelivery(messageID: "m-1", status: .read, channelID: "c1", subscriber: "bob@natter.test"))),
            now: time)
        #expect(
            read.events == [
                .channels(.receipt(channel: "c1", messageID: "m-1", state: .read, by: JID("bob@natter.test")!))
            ])
    }

    @Test func aRefusedSendFailsWithTheReason() throws {
        var session = listed()
        let sent = session.outgoing(.chat(.send(localID: "m-2", to: channel, text: "hi")), now: time)
        let id = try #require(sent.first?.id)
        let actions = session.incoming(
            text: frame(.ack(ChannelAck(replyTo: id, status: false, reason: "not a member of channel 'c1'"))), now: time
        )
        #expect(actions.events == [.chat(.failed(localID: "m-2", reason: "not a member of channel 'c1'"))])
    }

    @Test func historyPagesBackwardsFromTheOldestKnownMessage() throws {
        var session = listed()
        let outstanding = session.outstandingRequests
        let request = session.outgoing(.chat(.fetchHistory(channel, before: "m-50", limit: 500)), now: time)
        guard case .retrieve(let retrieve) = try #require(request.first) else {
            Issue.record("expected a retrieve, got \(request)")
            return
        }
        #expect(retrieve.direction == .descending && retrieve.count == 100 && retrieve.after == "m-50")
        let id = try #require(retrieve.id)
        _ = session.incoming(text: frame(.ack(ChannelAck(replyTo: id, status: true))), now: time)
        let header = ChannelArchiveRetrieval(replyTo: id, channelID: "c1", time: time, direction: .descending, count: 2)
        #expect(session.incoming(text: frame(.archiveRetrieval(header)), now: time).events.isEmpty)
        #expect(session.incoming(text: wireMessage("m-49", replyTo: id), now: time).events.isEmpty)
        let done = session.incoming(text: wireMessage("m-48", replyTo: id), now: time)
        guard case .chat(.historyLoaded(let conversation, let messages, let hasMore)) = try #require(done.events.first)
        else {
            Issue.record("expected history, got \(done.events)")
            return
        }
        #expect(conversation == channel && messages.map(\.id) == ["m-48", "m-49"] && !hasMore)
        #expect(session.outstandingRequests == outstanding, "a complete page is no longer pending")
    }

    @Test func aReconnectCatchesUpAfterTheNewestMessageSeenAndPagesOn() throws {
        var session = listed()
        _ = session.incoming(text: wireMessage("m-7"), now: time)
        _ = session.begin()
        let listed = session.incoming(
            text: frame(
                .channelList(ChannelList(channels: [.init(channelID: "c1", name: "Ops", administrator: true)]))),
            now: time
        )
        let retrieve = try #require(firstRetrieve(in: listed))
        #expect(retrieve.direction == .ascending && retrieve.after == "m-7" && retrieve.count == 100)
        let id = try #require(retrieve.id)
        let header = ChannelArchiveRetrieval(
            replyTo: id, channelID: "c1", time: time, direction: .ascending, count: 100)
        _ = session.incoming(text: frame(.archiveRetrieval(header)), now: time)
        var last = ChannelSession.Actions()
        for index in 8..<108 { last = session.incoming(text: wireMessage("m-\(index)", replyTo: id), now: time) }
        #expect(last.events.count == 100, "a full page is handed over at once")
        guard case .retrieve(let next) = try #require(last.send.first) else {
            Issue.record("a full catch-up page must ask for the next one: \(last.send)")
            return
        }
        #expect(next.after == "m-107")
    }

    @Test func liveMessagesBeforeTheChannelListDoNotMoveTheCatchUpPastTheGap() throws {
        var session = listed()
        _ = session.incoming(text: wireMessage("m-2"), now: time)
        _ = session.begin()
        // The server delivers a live message before it answers list-channels: m-3…m-8 are still missing.
        _ = session.incoming(text: wireMessage("m-9"), now: time)
        let listed = session.incoming(
            text: frame(
                .channelList(ChannelList(channels: [.init(channelID: "c1", name: "Ops", administrator: true)]))),
            now: time
        )
        let retrieve = try #require(firstRetrieve(in: listed))
        #expect(retrieve.after == "m-2")
        let id = try #require(retrieve.id)
        let header = ChannelArchiveRetrieval(
            replyTo: id, channelID: "c1", time: time, direction: .ascending, count: 100)
        _ = session.incoming(text: frame(.archiveRetrieval(header)), now: time)
        var last = ChannelSession.Actions()
        for index in 3..<103 { last = session.incoming(text: wireMessage("m-\(index)", replyTo: id), now: time) }
        let next = try #require(firstRetrieve(in: last))
        #expect(next.after == "m-102", "the next page follows the page, not the newest live message")
    }

    @Test func beingKickedLeavesTheChannel() {
        var session = listed()
        let actions = session.incoming(
            text: frame(
                .unsubscription(
                    ChannelUnsubscription(channelID: "c1", subscriber: "alice@natter.test", kickedBy: "bob@natter.test")
                )), now: time)
        #expect(actions.events.first == .channels(.left("c1")))
        #expect(session.channels["c1"] == nil)
    }

    @Test func theTimeComesInAsInputNotFromTheSystemClock() throws {
        var session = listed()
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let request = session.outgoing(.chat(.fetchHistory(channel, before: nil, limit: 20)), now: now)
        guard case .retrieve(let retrieve) = try #require(request.first) else {
            Issue.record("expected a retrieve, got \(request)")
            return
        }
        #expect(retrieve.time == now && retrieve.count == 20)
        let undated = frame(
            .message(ChannelMessage(channelID: "c1", messageID: "m-1", text: "hi", sender: "bob@natter.test")))
        let actions = session.incoming(text: undated, now: now)
        guard case .chat(.received(let message)) = try #require(actions.events.first) else {
            Issue.record("expected a message, got \(actions.events)")
            return
        }
        #expect(message.timestamp == now)
    }

    @Test func displayedAndReadReceiptsAreOneStatusPerMessage() throws {
        var session = listed()
        let displayed = session.outgoing(
            .channels(.markDisplayed(channel: "c1", messageIDs: ["m-1", "m-2"])), now: time)
        let read = session.outgoing(.channels(.markRead(channel: "c1", messageIDs: ["m-1"])), now: time)
        let statuses = (displayed + read).compactMap { message -> ChannelMessageStatus? in
            if case .messageStatus(let status) = message { return status }
            return nil
        }
        #expect(statuses.map(\.messageID) == ["m-1", "m-2", "m-1"])
        #expect(statuses.map(\.status) == [.displayed, .displayed, .read])
        #expect(Set(statuses.compactMap(\.id)).count == 3, "each status has its own request id")
    }
}
