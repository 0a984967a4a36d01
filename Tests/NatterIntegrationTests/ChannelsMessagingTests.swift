import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterTestSupport
import Testing

/// Messages, receipts, the archive and availability on the Channels door, against a real natterd process.
@Suite(.serialized) struct ChannelsMessagingTests {
    private func channel(_ alice: ChannelPeer, inviting others: [ChannelPeer]) async throws -> String {
        let ack = try await alice.request(.createChannel(ChannelCreate(id: "create", name: "Ops")))
        let channelID = try #require(ack.id)
        for other in others {
            #expect(
                try await alice.request(
                    .invite(ChannelInvite(id: alice.nextID(), channelID: channelID, recipient: other.address))
                ).status)
            _ = try await other.next("invitation") { $0.asInvitation?.channelID == channelID }
        }
        return channelID
    }

    @Test func aMessageIsStoredFannedOutAndReceiptedOnce() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        let bob = try await ChannelPeer.connect(port: server.port, user: "bob")
        let carol = try await ChannelPeer.connect(port: server.port, user: "carol")
        defer { [alice, bob, carol].forEach { $0.close() } }
        let channelID = try await channel(alice, inviting: [bob, carol])

        let send = ChannelMessage(
            id: "m", channelID: channelID, messageID: "m-1", text: "hello 日本語 👋", attributes: ["n": 1])
        try alice.send(.message(send))
        // The ack, then `stored` at once.
        let first = try await alice.next { $0.asAck != nil || $0.asDelivery != nil }
        #expect(first.asAck?.replyTo == "m" && first.asAck?.status == true)
        let stored = try await alice.next { $0.asDelivery != nil }
        #expect(stored.asDelivery == ChannelDelivery(messageID: "m-1", status: .stored, channelID: channelID))
        for peer in [bob, carol] {
            let message = try #require(try await peer.next { $0.asMessage?.messageID == "m-1" }.asMessage)
            #expect(message.sender == alice.address && message.text == "hello 日本語 👋" && message.time != nil)
            #expect(message.attributes?["n"] == 1 && message.replyTo == nil)
        }
        // `received` for bob and for carol, to everyone but the one who received.
        for (peer, receivers) in [(alice, [bob, carol]), (bob, [carol]), (carol, [bob])] {
            for receiver in receivers {
                let receipt = try await peer.next("received by \(receiver.address)") {
                    $0.asDelivery?.status == .received && $0.asDelivery?.subscriber == receiver.address
                }
                #expect(receipt.asDelivery?.messageID == "m-1")
            }
        }
        // displayed and read from bob reach alice and carol, not bob.
        for status in [ChannelDeliveryStatus.displayed, .read] {
            #expect(
                try await bob.request(
                    .messageStatus(
                        ChannelMessageStatus(id: bob.nextID(), channelID: channelID, messageID: "m-1", status: status))
                ).status)
            for peer in [alice, carol] {
                _ = try await peer.next("\(status) by bob") {
                    $0.asDelivery?.status == status && $0.asDelivery?.subscriber == bob.address
                }
            }
        }
        let serverStatus = try await bob.request(
            .messageStatus(ChannelMessageStatus(id: "s", channelID: channelID, messageID: "m-1", status: .received)))
        #expect(!serverStatus.status)
        let unknown = try await bob.request(
            .messageStatus(ChannelMessageStatus(id: "u", channelID: channelID, messageID: "nope", status: .read)))
        #expect(!unknown.status && unknown.reason == "unknown message 'nope' in this channel")

        // A resend is acked and `stored` again, but nobody gets it twice and the archive has it once.
        try alice.send(
            .message(ChannelMessage(id: "again", channelID: channelID, messageID: "m-1", text: "hello 日本語 👋")))
        #expect(try await alice.ack("again").status)
        _ = try await alice.next { $0.asDelivery?.status == .stored }
        let empty = try await alice.request(
            .message(ChannelMessage(id: "e", channelID: channelID, messageID: "", text: "x")))
        #expect(!empty.status && empty.reason == "message-id must not be empty")
        try await bob.sync()
        #expect(bob.queued(matching: { $0.asMessage != nil }).isEmpty, "a resend or an empty id was delivered")
        #expect(
            try await bob.request(
                .retrieve(
                    ChannelRetrieve(
                        id: "all", channelID: channelID, time: Date(timeIntervalSince1970: 0), direction: .ascending,
                        count: 100))
            ).status)
        let header = try #require(try await bob.next { $0.asArchiveRetrieval != nil }.asArchiveRetrieval)
        #expect(header.count == 1 && header.replyTo == "all")
        let replay = try #require(try await bob.next { $0.asMessage?.replyTo == "all" }.asMessage)
        #expect(replay.messageID == "m-1" && replay.sender == alice.address)

        // Outsiders can neither write nor read.
        let outsider = try await ChannelPeer.connect(port: server.port, user: "dave")
        defer { outsider.close() }
        let write = try await outsider.request(
            .message(ChannelMessage(id: "w", channelID: channelID, messageID: "d-1", text: "hi")))
        #expect(!write.status && write.reason == "not a member of channel '\(channelID)'")
    }

    @Test func invisibleMembersLookOfflineHereAndOnRealtime() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        let bob = try await ChannelPeer.connect(port: server.port, user: "bob")
        defer { [alice, bob].forEach { $0.close() } }
        let channelID = try await channel(alice, inviting: [bob])
        let realtime = EngineClient(user: "alice", serverURL: server.url)
        // Polled without blocking: a blocked cooperative thread can starve other tests' in-process servers.
        func seen(_ condition: @escaping @Sendable (ClientState) -> Bool) async throws -> Bool {
            for _ in 0..<600 {
                if condition(realtime.state) { return true }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
        #expect(try await seen { $0.accounts[.default]?.isSynchronized == true })
        let bobJID = try #require(JID("bob@natter.test"))

        func directory() async throws -> [String: ChannelSubscriber] {
            let id = alice.nextID()
            #expect(try await alice.request(.listSubscribers(id: id, channelID: channelID)).status)
            let directory = try #require(try await alice.next { $0.asDirectory?.replyTo == id }.asDirectory)
            return Dictionary(uniqueKeysWithValues: directory.subscribers.map { ($0.subscriber, $0) })
        }

        // Connected but never announced: invisible.
        #expect(try await directory()[bob.address]?.availability == .invisible)
        #expect(
            try await bob.request(.announce(ChannelAnnounce(id: "a", status: "on call", availability: .busy))).status)
        let status = try await alice.next("bob busy") {
            $0.asMemberStatus?.member.subscriber == bob.address && $0.asMemberStatus?.member.availability == .busy
        }
        #expect(status.asMemberStatus?.member.status == "on call")
        #expect(try await directory()[bob.address]?.availability == .busy)
        #expect(try await seen { $0.contacts[bobJID]?.presence == .dnd }, "Realtime did not see busy as dnd")

        #expect(
            try await bob.request(.announce(ChannelAnnounce(id: "i", status: "hidden", availability: .invisible)))
                .status)
        let hidden = try await directory()[bob.address]
        #expect(hidden?.availability == .invisible && hidden?.status == nil, "an invisible member's status leaked")
        #expect(try await seen { $0.contacts[bobJID]?.presence == .unavailable }, "Realtime still sees bob")

        #expect(try await bob.request(.announce(ChannelAnnounce(id: "v", availability: .available))).status)
        #expect(try await seen { $0.contacts[bobJID]?.presence == .available })
        #expect(try await bob.request(.unannounce(id: "u")).status)
        #expect(try await directory()[bob.address]?.availability == .invisible)
        #expect(try await seen { $0.contacts[bobJID]?.presence == .unavailable })
    }
}
