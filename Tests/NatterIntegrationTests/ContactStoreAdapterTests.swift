import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// The contact store client adapter inside the real engine, next to the Realtime adapter as on a natterd
/// account, against a real natterd: engine intents become EWS operations, and refusals roll back.
@Suite struct ContactStoreAdapterTests {
    private func client(_ user: String, server: NatterdProcess) -> EngineClient {
        let client = EngineClient(user: user, serverURL: server.url)
        client.engine.attach(
            ContactStoreAdapter(
                configuration: ContactStoreAdapterConfiguration(
                    serverURL: server.url, user: user, password: user, retryDelay: .milliseconds(200))))
        return client
    }

    @Test func groupAndRosterIntentsBecomeEWSOperations() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer", "--bcrypt-cost", "4"])
        let alice = client("alice", server: server)
        let phone = EngineClient(user: "alice", serverURL: server.url, resource: "phone")
        #expect(alice.wait { $0.accounts[.default]?.adapters[.contactStore]?.isSynchronized == true })
        #expect(phone.waitSynchronized())
        let bob = try #require(JID("bob@natter.test"))
        let pat = try #require(JID("pat@example.org"))
        #expect(alice.wait { $0.contacts[bob]?.groups.contains("Friends") == true }, "GetImItemList on connect")

        alice.engine.dispatch(.groups(.create("Work", account: .default)))
        alice.engine.dispatch(.roster(.add(pat, name: "Pat", groups: ["Work", "Clients"], account: .default)))
        #expect(
            alice.wait { $0.contacts[pat]?.groups == ["Work", "Clients"] && $0.contacts[pat]?.displayName == "Pat" })
        alice.engine.dispatch(.groups(.assign(bob, groups: ["Work"], account: .default)))
        #expect(alice.wait { $0.contacts[bob]?.groups == ["Work"] })
        #expect(
            phone.wait { $0.contacts[bob]?.groups == ["Work"] },
            "another session of the same user sees the edit through the Realtime push")

        alice.engine.dispatch(.groups(.rename(from: "Work", to: "Job", account: .default)))
        #expect(alice.wait { $0.contacts[bob]?.groups == ["Job"] })
        alice.engine.dispatch(.groups(.rename(from: "Job", to: "Clients", account: .default)))
        #expect(
            alice.wait { $0.statusNotice?.text.contains("ErrorImGroupDisplayNameAlreadyExists") == true },
            "a refusal shows the server's reason")
        #expect(alice.state.contacts[bob]?.groups == ["Job"], "and the list stays as the server has it")

        alice.engine.dispatch(
            .groups(.addDistribution(address: "team@natter.test", name: "Everyone", account: .default)))
        let dave = try #require(JID("dave@natter.test"))
        #expect(alice.wait { $0.contacts[dave]?.groups.contains("Everyone") == true })
        alice.engine.dispatch(.groups(.delete("Everyone", account: .default)))
        #expect(alice.wait { $0.contacts[dave]?.groups.contains("Everyone") == false })

        alice.engine.dispatch(.roster(.remove(pat, account: .default)))
        #expect(alice.wait { $0.contacts[pat] == nil })
        alice.stop()

        let again = client("alice", server: server)
        #expect(again.wait { $0.contacts[bob]?.groups == ["Job"] }, "the list is the server's after a restart")
    }
}
