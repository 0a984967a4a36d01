import Foundation
import NatterCodecs
import NatterTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The Channels door's membership rules against a real natterd process: creation, invite-token joins,
/// administrator-only requests, self-kick, last-administrator promotion and removal of empty channels.
@Suite(.serialized) struct ChannelsAdministrationTests {
    /// alice creates "Ops" and invites bob (and carol when asked); returns the channel id.
    private func channel(
        _ alice: ChannelPeer, inviting others: [ChannelPeer] = [], token: String? = nil
    ) async throws -> String {
        let id = alice.nextID()
        let ack = try await alice.request(.createChannel(ChannelCreate(id: id, name: "Ops", inviteToken: token)))
        #expect(ack.status)
        let channelID = try #require(ack.id)
        let invitation = try await alice.next("invitation") { $0.asInvitation?.channelID == channelID }
        #expect(invitation.asInvitation?.administrator == true && invitation.asInvitation?.name == "Ops")
        for other in others {
            let invite = alice.nextID()
            let ack = try await alice.request(
                .invite(ChannelInvite(id: invite, channelID: channelID, recipient: other.address)))
            #expect(ack.status)
            let received = try await other.next("invitation") { $0.asInvitation?.channelID == channelID }
            #expect(received.asInvitation?.sender == alice.address && received.asInvitation?.administrator == false)
        }
        return channelID
    }

    @Test func aBadOrMissingTokenIsRefusedWith401BeforeTheUpgrade() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        for token in [nil, "not-a-session"] as [String?] {
            var request = URLRequest(url: URL(string: "\(server.url)/messaging")!)
            request.setValue("websocket", forHTTPHeaderField: "Upgrade")
            request.setValue("Upgrade", forHTTPHeaderField: "Connection")
            request.setValue("13", forHTTPHeaderField: "Sec-WebSocket-Version")
            request.setValue("dGhlIHNhbXBsZSBub25jZQ==", forHTTPHeaderField: "Sec-WebSocket-Key")
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            let (_, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 401)
            let challenge = try #require(http.value(forHTTPHeaderField: "WWW-Authenticate"))
            #expect(challenge.hasPrefix("Bearer "))
            #expect(challenge.contains("invalid_token") == (token != nil))
            // Our own client sees the refusal as a failed handshake, not as an open connection.
            await #expect(throws: (any Error).self) {
                _ = try await ChannelPeer.connect(port: server.port, token: token)
            }
        }
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        defer { alice.close() }
        try await alice.sync()
    }

    @Test func administratorsAloneUpdateInviteAndKickOthers() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        let bob = try await ChannelPeer.connect(port: server.port, user: "bob")
        let carol = try await ChannelPeer.connect(port: server.port, user: "carol")
        defer { [alice, bob, carol].forEach { $0.close() } }
        let channelID = try await channel(alice, inviting: [bob])

        let update = try await bob.request(
            .updateChannel(ChannelUpdate(id: bob.nextID(), channelID: channelID, name: "Mine")))
        #expect(!update.status && update.reason == "only administrators may update a channel")
        let invite = try await bob.request(
            .invite(ChannelInvite(id: bob.nextID(), channelID: channelID, recipient: "carol")))
        #expect(!invite.status && invite.reason == "only administrators may invite to a channel")
        let kick = try await bob.request(.kick(ChannelKick(id: bob.nextID(), channelID: channelID, recipient: "alice")))
        #expect(!kick.status && kick.reason == "only administrators may kick others from a channel")
        try await carol.sync()
        #expect(carol.queued(matching: { $0.asInvitation != nil }).isEmpty, "a refused invite reached carol")

        // The administrator's update reaches every member, each with its own role.
        let renamed = try await alice.request(
            .updateChannel(
                ChannelUpdate(id: alice.nextID(), channelID: channelID, name: "Ops 2", attributes: ["topic": "deploys"])
            ))
        #expect(renamed.status)
        let seenByBob = try await bob.next("update") { $0.asInvitation?.name == "Ops 2" }
        #expect(
            seenByBob.asInvitation?.administrator == false && seenByBob.asInvitation?.attributes?["topic"] == "deploys")
        _ = try await alice.next("own update") {
            $0.asInvitation?.name == "Ops 2" && $0.asInvitation?.administrator == true
        }

        // Unknown recipients and channels are refused, with the reason.
        let stranger = try await alice.request(
            .invite(ChannelInvite(id: alice.nextID(), channelID: channelID, recipient: "zed@natter.test")))
        #expect(!stranger.status && stranger.reason == "unknown recipient 'zed@natter.test'")
        let elsewhere = try await alice.request(
            .invite(ChannelInvite(id: alice.nextID(), channelID: channelID, recipient: "carol@other.example")))
        #expect(!elsewhere.status)
        let nowhere = try await alice.request(.listSubscribers(id: alice.nextID(), channelID: "c-nope"))
        #expect(!nowhere.status && nowhere.reason == "unknown channel 'c-nope'")
        let outsider = try await carol.request(.listSubscribers(id: carol.nextID(), channelID: channelID))
        #expect(!outsider.status && outsider.reason == "not a member of channel '\(channelID)'")

        // Kicked by the administrator: bob and alice both hear it, with who kicked.
        #expect(
            try await alice.request(.kick(ChannelKick(id: alice.nextID(), channelID: channelID, recipient: "bob")))
                .status)
        for peer in [alice, bob] {
            let gone = try await peer.next("unsubscription") { $0.asUnsubscription?.subscriber == bob.address }
            #expect(gone.asUnsubscription?.kickedBy == alice.address)
        }
        let after = try await bob.request(.listChannels(id: "after"))
        #expect(after.status)
        #expect(try await bob.next { $0.asChannelList?.replyTo == "after" }.asChannelList?.channels == [])
    }

    @Test func inviteTokenJoinsAsAMemberAndAnnouncesTheJoiner() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        let bob = try await ChannelPeer.connect(port: server.port, user: "bob")
        defer { [alice, bob].forEach { $0.close() } }
        let channelID = try await channel(alice, token: "ops-token")

        let joined = try await bob.request(
            .createChannel(ChannelCreate(id: "j", name: "ignored", inviteToken: "ops-token")))
        #expect(joined.status && joined.id == channelID)
        let invitation = try #require(try await bob.next { $0.asInvitation != nil }.asInvitation)
        #expect(invitation.channelID == channelID && invitation.name == "Ops" && !invitation.administrator)
        #expect(invitation.inviteToken == "ops-token")
        let status = try await alice.next("joiner") { $0.asMemberStatus?.member.subscriber == bob.address }
        #expect(status.asMemberStatus?.member.administrator == false)

        // An empty token never joins: it creates a channel of its own.
        let fresh = try await bob.request(.createChannel(ChannelCreate(id: "e", name: "Own", inviteToken: "")))
        #expect(fresh.status && fresh.id != channelID)
        _ = try await bob.request(.listChannels(id: "l"))
        let list = try #require(try await bob.next { $0.asChannelList?.replyTo == "l" }.asChannelList)
        #expect(list.channels.map(\.administrator) == [false, true])
        #expect(list.channels.map(\.name) == ["Ops", "Own"])
    }

    @Test func leavingPromotesTheLongestStandingMemberAndTheLastOneRemovesTheChannel() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        let bob = try await ChannelPeer.connect(port: server.port, user: "bob")
        let carol = try await ChannelPeer.connect(port: server.port, user: "carol")
        defer { [alice, bob, carol].forEach { $0.close() } }
        let channelID = try await channel(alice, inviting: [bob, carol])

        // Self-kick: alice leaves; everyone, alice included, hears it without a kicker.
        #expect(
            try await alice.request(.kick(ChannelKick(id: "leave", channelID: channelID, recipient: "alice"))).status)
        for peer in [alice, bob, carol] {
            let gone = try await peer.next("unsubscription") { $0.asUnsubscription?.subscriber == alice.address }
            #expect(gone.asUnsubscription?.kickedBy == nil)
        }
        // bob joined before carol, so bob is promoted, and the channel hears it.
        for peer in [bob, carol] {
            _ = try await peer.next("promotion") {
                $0.asMemberStatus?.member.subscriber == bob.address && $0.asMemberStatus?.member.administrator == true
            }
        }
        let promotions = carol.queued { frame in frame.asMemberStatus?.member.administrator == true }
        #expect(promotions.isEmpty, "two promotions")
        #expect(try await bob.request(.kick(ChannelKick(id: "k", channelID: channelID, recipient: "carol"))).status)
        #expect(
            try await bob.request(.kick(ChannelKick(id: "last", channelID: channelID, recipient: "bob@natter.test")))
                .status)
        _ = try await bob.next { $0.asUnsubscription?.subscriber == bob.address }
        // Removed: nobody can find it any more, not even by retrieving its archive.
        let gone = try await bob.request(
            .retrieve(ChannelRetrieve(id: "r", channelID: channelID, time: Date(), direction: .descending, count: 10)))
        #expect(!gone.status && gone.reason == "unknown channel '\(channelID)'")
    }

    @Test func unreadableMessagesAreAnsweredInOrderAndCloseNothing() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        let bob = try await ChannelPeer.connect(port: server.port, user: "bob")
        defer { [alice, bob].forEach { $0.close() } }
        try alice.send(raw: #"{"type":"subscribe","id":"u"}"#)
        try alice.send(raw: #"{"type":"message","id":7,"channel-id":"c"}"#)
        try alice.send(raw: "{not json")
        try alice.send(raw: #"{"type":"create-channel","id":"big","name":"\#(String(repeating: "x", count: 70_000))"}"#)
        try alice.send(binary: [1, 2, 3])
        try alice.send(.listChannels(id: "after"))
        var acks: [ChannelAck] = []
        for _ in 0..<6 { acks.append(try #require(try await alice.next { $0.asAck != nil }.asAck)) }
        #expect(acks.map(\.replyTo) == ["u", "7", nil, nil, nil, "after"])
        #expect(acks.map(\.status) == [false, false, false, false, false, true])
        #expect(acks[0].reason == "unknown message type 'subscribe'")
        #expect(acks[1].reason == "missing required field 'message-id'")
        #expect(acks[2].reason == "malformed JSON")
        #expect(acks[3].reason?.hasPrefix("frame of ") == true)
        #expect(acks[4].reason == "binary frames are not supported; send JSON text")
        try await bob.sync()
    }
}
