import Foundation
import Testing

/// Carol and Alice in two real terminals (tmux) against a real natterd: carol starts a conference with `/conf`,
/// alice sees the invitation in her status bar and console, accepts it and answers.
@Suite(.serialized, .terminalSlot) struct ConferenceTUITests {
    func terminal(for user: String, server: NatterdProcess, home: String) throws -> TmuxTerminal {
        try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user \(user)",
            environment: [
                "NATTER_PASSWORD": user, "XDG_DATA_HOME": "\(home)/\(user)/data",
                "XDG_CONFIG_HOME": "\(home)/\(user)/config",
            ], width: 140)
    }

    @Test func carolInvitesAliceWhoAcceptsAndAnswers() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-conference")
        let carol = try terminal(for: "carol", server: server, home: home)
        let alice = try terminal(for: "alice", server: server, home: home)
        defer {
            carol.close()
            alice.close()
        }
        for (name, terminal) in [("carol", carol), ("alice", alice)] {
            let ready = try terminal.waitFor("[online]")
            #expect(ready.found, "\(name) never came online:\n\(ready.screen)")
        }

        try carol.enter(#"/conf alice "Plans" We need to talk!"#)
        let opened = try carol.waitFor("conference: Plans")
        #expect(opened.found, "carol's conference window never opened:\n\(opened.screen)")

        let invited = try alice.waitFor(all: [
            #"[invited: Carol Chen "Plans"]"#, "We need to talk! (/accept or /decline)",
        ])
        #expect(invited.found, "alice never saw the invitation:\n\(invited.screen)")
        try alice.enter("/accept")
        let inside = try alice.waitFor(all: ["conference: Plans", "Carol Chen"])
        #expect(inside.found, "alice's conference window never showed carol:\n\(inside.screen)")
        try alice.enter("Sure, what about?")

        let answered = try carol.waitFor("Sure, what about?")
        #expect(answered.found, "carol never saw alice's answer:\n\(answered.screen)")
        #expect(answered.screen.contains("Alice Liddell"), "carol's window does not list alice:\n\(answered.screen)")
    }
}
