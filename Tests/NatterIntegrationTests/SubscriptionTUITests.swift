import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// A subscription request in a real terminal: erin (a Zimbra IM client) asks to see alice's presence, the
/// request shows in alice's TUI, alice accepts with `/authorize … back`, and erin then sees her online.
@Suite(.serialized, .terminalSlot) struct SubscriptionTUITests {
    @Test func bobAsksToSubscribeAndAliceAcceptsInTheTUI() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        // A user nobody lists yet, so the request really waits for alice's answer.
        let added = try TestProcess.run(
            TestProcess.binary("natterd"),
            ["adduser", "erin", "--display-name", "Erin Brandt", "--db", server.directory + "/natterd.sqlite"],
            environment: ["NATTER_PASSWORD": "erin"])
        try #require(added.status == 0, "adduser failed: \(added.stderr)")

        let home = try TestProcess.temporaryDirectory("tui-subscribe")
        let alice = try TmuxTerminal.rosterAccount("alice", serverURL: server.url, home: home)
        defer { alice.close() }
        #expect(try alice.waitFor("online").found)

        let (erin, waiter) = RosterIntegrationTests.zimbraClient("erin", server: server)
        defer { erin.detachAll() }
        #expect(waiter.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        let aliceJID = JID("alice@natter.test")!
        erin.dispatch(.subscriptions(.subscribe(aliceJID, name: "Alice", groups: ["Work"], account: .default)))

        let prompt = try alice.waitFor("asks to see your presence")
        #expect(prompt.found, "alice's TUI never showed erin's request:\n\(prompt.screen)")
        #expect(prompt.screen.contains("erin@natter.test"))
        // Erin is listed but not yet allowed: no presence of alice's reaches her.
        #expect(erin.state.contacts[aliceJID]?.presence == .unavailable)

        try alice.enter("/authorize erin back")
        #expect(
            waiter.wait(timeout: 15) { $0.contacts[aliceJID]?.presence == .available },
            "erin never saw alice online after the authorization:\n\((try? alice.screen()) ?? "")")
        let listed = try alice.waitFor("Erin Brandt")
        #expect(listed.found, "alice's roster never listed erin after adding her back:\n\(listed.screen)")
    }
}
