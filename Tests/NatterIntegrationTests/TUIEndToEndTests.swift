import Foundation
import NatterEngine
import NatterModel
import Testing

/// Alice and Bob in two real terminals (tmux) against a real natterd process.
@Suite(.serialized, .terminalSlot) struct TUIEndToEndTests {
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

        try alice.enter("/msg bob")
        try alice.enter("hello from alice 你好 👋")

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
        try alice.enter("/msg bob")

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

    /// A message typed while the server is down sits in the TUI's outbox; the TUI itself is then killed with
    /// SIGKILL. The next start finds it in the SQLite cache and sends it once the server is back: exactly once.
    @Test func theOutboxSurvivesKillingBothServerAndClient() throws {
        let directory = try TestProcess.temporaryDirectory("tui-outbox")
        var server = try NatterdProcess(directory: directory, arguments: ["--no-demo-peer"])
        let port = server.port
        let home = try TestProcess.temporaryDirectory("tui-outbox-home")
        let first = try terminal(for: "alice", server: server, home: home)
        defer { first.close() }
        #expect(try first.waitFor("[online]").found)
        try first.enter("/msg bob")

        server.kill()
        let lost = try first.waitFor("reconnecting in", timeout: 30)
        #expect(lost.found, "the client never noticed the server was gone:\n\(lost.screen)")
        try first.enter("typed into the void")
        let queued = try first.waitFor("typed into the void")
        #expect(queued.found, "the message never showed as pending:\n\(queued.screen)")
        try first.killProgram()

        server = try NatterdProcess(port: port, directory: directory, arguments: ["--no-demo-peer"])
        let bob = EngineClient(user: "bob", serverURL: server.url)
        #expect(bob.waitSynchronized())
        let second = try terminal(for: "alice", server: server, home: home)
        defer { second.close() }
        #expect(try second.waitFor("[online]", timeout: 40).found)
        let alice = JID("alice@natter.test")!
        #expect(
            bob.wait(timeout: 30) {
                $0.conversations.values.contains { $0.messages.contains { $0.text == "typed into the void" } }
            },
            "the queued message never reached bob")
        // A later message is the sync point: a duplicate of the queued one would have arrived before it.
        try second.enter("/msg bob")
        try second.enter("and after the restart")
        #expect(
            bob.wait(timeout: 30) {
                $0.conversations.values.contains { $0.messages.contains { $0.text == "and after the restart" } }
            })
        bob.engine.dispatch(.openConversation(.direct(alice)))
        let copies = bob.state.conversations.values.flatMap(\.messages).filter { $0.text == "typed into the void" }
        #expect(copies.count == 1, "sent \(copies.count) times")
        _ = server
    }
}
