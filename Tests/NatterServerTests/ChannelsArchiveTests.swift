import Foundation
import NatterCodecs
import NatterTestSupport
import Testing

@testable import NatterServer

/// Archive paging on the Channels door with a frozen clock, so every message shares one timestamp: pages must
/// still be stable, gapless and duplicate-free in both directions.
@Suite("Channels archive")
struct ChannelsArchiveTests {
    private static let total = 1000

    /// Sends `total` messages to a fresh channel; returns it.
    private func filledChannel(_ alice: ChannelPeer) async throws -> String {
        let channelID = try #require(
            try await alice.request(.createChannel(ChannelCreate(id: "c", name: "Archive"))).id)
        for index in 0..<Self.total {
            try alice.send(.message(ChannelMessage(channelID: channelID, messageID: "m\(index)", text: "#\(index)")))
        }
        try await alice.sync(timeout: .seconds(120))
        let stored = alice.queued(matching: { $0.asDelivery?.status == .stored }).count
        #expect(stored == Self.total)
        alice.drain()
        return channelID
    }

    /// Pages until a short page; returns the message ids in the order received.
    private func page(
        _ peer: ChannelPeer, channelID: String, from time: Date, direction: ChannelRetrieveDirection, count: Int
    ) async throws -> (ids: [String], pages: Int) {
        var ids: [String] = []
        var after: String?
        var pages = 0
        while true {
            let id = peer.nextID()
            let request = ChannelRetrieve(
                id: id, channelID: channelID, time: time, direction: direction, count: count, after: after)
            #expect(try await peer.request(.retrieve(request)).status)
            let header = try #require(try await peer.next { $0.asArchiveRetrieval?.replyTo == id }.asArchiveRetrieval)
            #expect(header.count <= ChannelRetrieve.maximumCount)
            var messages: [ChannelMessage] = []
            for _ in 0..<header.count {
                messages.append(try #require(try await peer.next { $0.asMessage?.replyTo == id }.asMessage))
            }
            pages += 1
            ids += messages.map(\.messageID)
            after = messages.last?.messageID
            if header.count < request.count || pages > Self.total { return (ids, pages) }
        }
    }

    @Test func pagesAThousandMessagesWithOneTimestampInBothDirections() async throws {
        let clock = ManualClock()
        try await TestServer.with(clock: clock) { server in
            let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
            defer { alice.close() }
            let channelID = try await filledChannel(alice)
            let expected = (0..<Self.total).map { "m\($0)" }

            // count 500 is read as 100: ten full pages and an empty one.
            let backwards = try await page(
                alice, channelID: channelID, from: clock.now(), direction: .descending, count: 500)
            #expect(backwards.ids == expected.reversed())
            #expect(backwards.pages == 11)
            let forwards = try await page(
                alice, channelID: channelID, from: Date(timeIntervalSince1970: 0), direction: .ascending, count: 100)
            #expect(forwards.ids == expected)

            // The time itself bounds a page: nothing before the messages' time going back, nothing after it
            // going forward.
            let earlier = try await page(
                alice, channelID: channelID, from: clock.now().addingTimeInterval(-1), direction: .descending, count: 10
            )
            #expect(earlier.ids.isEmpty)
            let later = try await page(
                alice, channelID: channelID, from: clock.now().addingTimeInterval(1), direction: .ascending, count: 10)
            #expect(later.ids.isEmpty)

            // Paging on from a message that is not in the channel is refused, not guessed.
            let unknown = try await alice.request(
                .retrieve(
                    ChannelRetrieve(
                        id: "x", channelID: channelID, time: clock.now(), direction: .descending, count: 5,
                        after: "nope")))
            #expect(!unknown.status && unknown.reason == "unknown message 'nope' in this channel")
        }
    }
}
