import Foundation
import Testing

/// A multi-user thread in two real terminals (tmux) against a real natterd: alice turns her chat with bob
/// into a thread by inviting carol, carol sees the invitation, joins with `/join` and writes in the thread.
@Suite(.serialized, .terminalSlot) struct ThreadTUITests {
    func terminal(for user: String, server: NatterdProcess, home: String) throws -> TmuxTerminal {
        try TmuxTerminal.rosterAccount(user, serverURL: server.url, home: home, width: 140)
    }

    @Test func aliceInvitesCarolWhoJoinsAndWrites() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-thread")
        let alice = try terminal(for: "alice", server: server, home: home)
        let carol = try terminal(for: "carol", server: server, home: home)
        defer {
            alice.close()
            carol.close()
        }
        for (name, terminal) in [("alice", alice), ("carol", carol)] {
            let ready = try terminal.waitFor("online")
            #expect(ready.found, "\(name) never came online:\n\(ready.screen)")
        }

        try alice.enter("/msg bob")
        try alice.enter("/invite carol let's plan the trip")
        let opened = try alice.waitFor("thread m:")
        #expect(opened.found, "alice's thread window never opened:\n\(opened.screen)")

        let invited = try carol.waitFor("let's plan the trip (/join m:")
        #expect(invited.found, "carol never saw the invitation:\n\(invited.screen)")
        try carol.enter("/join")
        let inside = try carol.waitFor("thread m:")
        #expect(inside.found, "carol's thread window never opened:\n\(inside.screen)")

        let entered = try alice.waitFor("entered the thread")
        #expect(entered.found, "alice never saw carol enter:\n\(entered.screen)")
        try carol.enter("count me in")
        let written = try alice.waitFor("count me in")
        #expect(written.found, "alice never saw carol's message in the thread:\n\(written.screen)")
    }
}
