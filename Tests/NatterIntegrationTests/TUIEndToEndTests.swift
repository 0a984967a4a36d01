import Foundation
import Testing

/// Alice and Bob in two real terminals (tmux) against a real natterd process.
@Suite(.serialized) struct TUIEndToEndTests {
    func terminal(for user: String, server: NatterdProcess, home: String) throws -> TmuxTerminal {
        try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user \(user)",
            environment: [
                "NATTER_PASSWORD": user, "XDG_DATA_HOME": "\(home)/\(user)/data",
                "XDG_CONFIG_HOME": "\(home)/\(user)/config",
            ])
    }

    @Test func aliceTypesAndBobsPaneShowsIt() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("tui")
        let alice = try terminal(for: "alice", server: server, home: home)
        let bob = try terminal(for: "bob", server: server, home: home)
        defer {
            alice.close()
            bob.close()
        }
        let aliceReady = try alice.waitFor("online")
        #expect(aliceReady.found, "alice never came online:\n\(aliceReady.screen)")
        let bobReady = try bob.waitFor("online")
        #expect(bobReady.found, "bob never came online:\n\(bobReady.screen)")

        try alice.type("/msg bob")
        try alice.press("Enter")
        try alice.type("hello from alice 你好 👋")
        try alice.press("Enter")

        // The message opens a window on bob's side with an unread count; Alt+a jumps to it.
        let unread = try bob.waitFor("Alice Liddell(1)")
        #expect(
            unread.found,
            "bob's window list never showed the unread message:\n\(unread.screen)\nalice:\n\((try? alice.screen()) ?? "")"
        )
        try bob.press("M-a")
        let seen = try bob.waitFor("hello from alice")
        #expect(seen.found, "bob's screen never showed the message:\n\(seen.screen)")
        #expect(seen.screen.contains("你好"), "wide characters were lost:\n\(seen.screen)")
    }

    @Test func escapeSequencesFromPeersNeverReachTheTerminal() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("tui-escape")
        let alice = try terminal(for: "alice", server: server, home: home)
        defer { alice.close() }
        #expect(try alice.waitFor("online").found)
        try alice.type("/msg bob")
        try alice.press("Enter")

        let sent = try TestProcess.run(
            TestProcess.binary("natter"),
            [
                "send", "--server", server.url, "--user", "bob", "--to", "alice",
                "safe\u{1B}]0;pwned\u{07}\u{1B}[2Jtext",
            ],
            environment: ["NATTER_PASSWORD": "bob", "XDG_DATA_HOME": "\(home)/bob-cli"])
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        let seen = try alice.waitFor("safetext")
        #expect(seen.found, "the sanitised message never appeared:\n\(seen.screen)")
        #expect(!seen.screen.contains("pwned"))
    }

    @Test func aLostServerIsShownAndTheClientComesBackOnItsOwn() throws {
        let directory = try TestProcess.temporaryDirectory("tui-reconnect")
        var server = try NatterdProcess(directory: directory)
        let port = server.port
        let home = try TestProcess.temporaryDirectory("tui-reconnect-home")
        let alice = try terminal(for: "alice", server: server, home: home)
        defer { alice.close() }
        #expect(try alice.waitFor("[online]").found)

        server.kill()
        let lost = try alice.waitFor("reconnecting in")
        #expect(lost.found, "the status bar never said the link was lost:\n\(lost.screen)")

        server = try NatterdProcess(port: port, directory: directory)
        let back = try alice.waitFor("[online]", timeout: 40)
        #expect(back.found, "the client did not come back by itself:\n\(back.screen)")
        _ = server
    }
}
