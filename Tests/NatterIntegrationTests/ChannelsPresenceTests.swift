import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterProtocols
import NatterTestSupport
import Testing

/// Presence set at any door reaches channel members as `member-status`: bob is a member of alice's channel and
/// changes presence on Realtime, by signing in on CWA and on Zimbra, never through the Channels door.
@Suite(.serialized) struct ChannelsPresenceTests {
    let bob = JID("bob@natter.test")!

    /// Polled without blocking: a blocked cooperative thread can starve other tests' in-process servers.
    private func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<600 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// The next member-status about bob with this availability, seen by alice.
    private func status(
        _ availability: ChannelAvailability, text: String? = nil, on alice: ChannelPeer, in channelID: String
    ) async throws -> ChannelSubscriber {
        let frame = try await alice.next("bob \(availability) \(text ?? "")") {
            $0.asMemberStatus?.channelID == channelID && $0.asMemberStatus?.member.subscriber == "bob@natter.test"
                && $0.asMemberStatus?.member.availability == availability
                && (text == nil || $0.asMemberStatus?.member.status == text)
        }
        return try #require(frame.asMemberStatus?.member)
    }

    @Test func realtimeZimbraAndCWAPresenceBecomesMemberStatus() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        defer { alice.close() }
        let create = try await alice.request(.createChannel(ChannelCreate(id: "create", name: "Ops")))
        let channelID = try #require(create.id)
        #expect(
            try await alice.request(
                .invite(ChannelInvite(id: alice.nextID(), channelID: channelID, recipient: "bob"))
            ).status)

        // Realtime: signing in is `available`, `/presence away lunch` is busy with the text, leaving is offline.
        let realtime = EngineClient(user: "bob", serverURL: server.url)
        #expect(try await eventually { realtime.state.accounts[.default]?.isSynchronized == true })
        _ = try await status(.available, on: alice, in: channelID)
        realtime.engine.dispatch(.setPresence(.away, status: "lunch"))
        _ = try await status(.busy, text: "lunch", on: alice, in: channelID)
        realtime.stop()
        let gone = try await status(.invisible, on: alice, in: channelID)
        #expect(gone.status == nil, "an offline member shows no status")

        // CWA: signing in means online.
        let cwa = try CWATestClient.signIn(server.url, "bob")
        _ = try await status(.available, on: alice, in: channelID)
        _ = cwa

        // Zimbra: dnd.
        let (zimbra, _) = RosterIntegrationTests.zimbraClient("bob", server: server)
        defer { zimbra.detachAll() }
        #expect(try await eventually { zimbra.state.accounts[.default]?.isSynchronized == true })
        // The Zimbra client sends the show only (its status text is the zimbra-threads work), so dnd is enough.
        zimbra.dispatch(.setPresence(.dnd, status: nil))
        _ = try await status(.dnd, on: alice, in: channelID)

        // The directory agrees with the last status pushed.
        let id = alice.nextID()
        #expect(try await alice.request(.listSubscribers(id: id, channelID: channelID)).status)
        let directory = try #require(try await alice.next { $0.asDirectory?.replyTo == id }.asDirectory)
        #expect(directory.subscribers.first { $0.subscriber == "bob@natter.test" }?.availability == .dnd)
    }

    @Test func theClientShowsMembersComingAndGoing() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let engine = EngineStore(state: ClientState(domain: "natter.test"))
        engine.attach(
            ChannelsAdapter(
                configuration: ChannelsAdapterConfiguration(
                    serverURL: server.url, user: "alice", password: "alice",
                    backoff: ReconnectBackoff(base: 0.2, cap: 1))))
        defer { engine.detachAll() }
        #expect(try await eventually { engine.state.accounts[.default]?.isSynchronized == true })
        engine.dispatch(.channels(.create(account: .default, name: "Ops", inviteToken: nil)))
        #expect(try await eventually { engine.state.channels.values.contains { $0.name == "Ops" } })
        let id = try #require(engine.state.channels.first { $0.value.name == "Ops" }?.key)
        engine.dispatch(.channels(.invite(id, member: bob, admin: false)))
        #expect(try await eventually { engine.state.channels[id]?.members.contains { $0.jid == self.bob } == true })

        let realtime = EngineClient(user: "bob", serverURL: server.url)
        defer { realtime.stop() }
        #expect(
            try await eventually {
                engine.state.channels[id]?.members.first { $0.jid == self.bob }?.presence == .available
            }, "alice's client never saw bob come online on Realtime")
        realtime.engine.dispatch(.setPresence(.dnd, status: nil))
        #expect(
            try await eventually { engine.state.channels[id]?.members.first { $0.jid == self.bob }?.presence == .dnd })
    }
}
