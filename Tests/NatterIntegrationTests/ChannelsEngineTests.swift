import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// The client engine with the Channels adapter against a real natterd process: channels listed with their
/// members and roles, messages with their delivery states, administrator-only intents, a kick, and history.
@Suite(.serialized, .offThePool) struct ChannelsEngineTests {
    let alice = JID("alice@natter.test")!
    let bob = JID("bob@natter.test")!

    /// An engine whose only adapter is the Channels one.
    private func client(_ user: String, server: NatterdProcess) -> EngineStore {
        let engine = EngineStore(state: ClientState(domain: "natter.test"))
        engine.attach(
            ChannelsAdapter(
                configuration: ChannelsAdapterConfiguration(
                    serverURL: server.url, user: user, password: user, backoff: ReconnectBackoff(base: 0.2, cap: 1))))
        return engine
    }

    private func wait(_ engine: EngineStore, _ condition: (ClientState) -> Bool) -> Bool {
        EngineWaiter(engine: engine).wait(timeout: 15, until: condition)
    }

    @Test func aChannelWithAMemberMessagesReceiptsAndAKick() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let a = client("alice", server: server)
        let b = client("bob", server: server)
        defer {
            a.detachAll()
            b.detachAll()
        }
        #expect(wait(a) { $0.accounts[.default]?.isSynchronized == true })
        #expect(wait(b) { $0.accounts[.default]?.isSynchronized == true })

        a.dispatch(.channels(.create(account: .default, name: "Ops", inviteToken: nil)))
        #expect(
            wait(a) { state in
                state.channels.values.contains { $0.name == "Ops" && $0.members.contains { $0.role == .admin } }
            })
        let id = try #require(a.state.channels.first { $0.value.name == "Ops" }?.key)

        // bob is no administrator, so the engine refuses his invite before the server has to.
        a.dispatch(.channels(.invite(id, member: bob, admin: false)))
        #expect(wait(b) { $0.channels[id]?.name == "Ops" }, "bob never got the invitation")
        #expect(wait(b) { $0.channels[id]?.members.first { $0.jid == self.alice }?.role == .admin })
        b.dispatch(.channels(.kick(id, member: alice)))
        #expect(wait(b) { $0.statusNotice?.text == "only administrators of #Ops can kick others" })

        // bob writes: stored (sent), received by alice (delivered), read when alice focuses the channel.
        b.dispatch(.send(text: "hello channel 👋", to: id))
        #expect(
            wait(a) {
                $0.conversations[id]?.messages.contains { $0.text == "hello channel 👋" && !$0.isOutgoing } ?? false
            })
        #expect(
            wait(b) { $0.conversations[id]?.messages.last?.delivery == .delivered }, "bob's message was never received")
        a.dispatch(.channels(.markRead(id)))
        #expect(wait(b) { $0.conversations[id]?.messages.last?.delivery == .read }, "alice's read receipt never came")

        // History: a client that was not there loads it from the archive.
        let late = client("alice", server: server)
        defer { late.detachAll() }
        #expect(wait(late) { $0.channels[id] != nil })
        late.dispatch(.openConversation(id))
        #expect(wait(late) { $0.conversations[id]?.messages.contains { $0.text == "hello channel 👋" } ?? false })

        a.dispatch(.channels(.kick(id, member: bob)))
        #expect(wait(b) { $0.channels[id] == nil }, "bob is still in the channel")
        #expect(wait(a) { $0.channels[id]?.members.contains { $0.jid == self.bob } == false })
    }
}
