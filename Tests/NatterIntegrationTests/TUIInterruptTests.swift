import Foundation
import Testing

/// Ctrl+C and the exit status in a real terminal.
@Suite(.serialized, .terminalSlot) struct TUIInterruptTests {
    @Test func ctrlCClearsTheDraftAndTwiceQuitsWithStatus130() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("tui-interrupt")
        let terminal = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice; echo \"exit=$?\"",
            environment: ["NATTER_PASSWORD": "alice", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
        defer { terminal.close() }
        #expect(try terminal.waitFor("[online]").found)
        try terminal.type("a draft worth keeping")
        #expect(try terminal.waitFor("a draft worth keeping").found)
        try terminal.press("C-c")
        let cleared = try terminal.waitFor("[online]")
        _ = try TestProcess.poll(timeout: 10, interval: 100_000) {
            !(try terminal.screen().contains("a draft worth keeping"))
        }
        let screen = try terminal.screen()
        #expect(!screen.contains("a draft worth keeping"), "Ctrl+C left the draft:\n\(screen)")
        #expect(!screen.contains("exit="), "one Ctrl+C quit:\n\(cleared.screen)")

        // Ctrl+Y brings the cleared draft back: nothing was thrown away.
        try terminal.press("C-y")
        #expect(try terminal.waitFor("a draft worth keeping").found)
        try terminal.press("C-u")

        try terminal.press("C-c")
        let hint = try terminal.waitFor("/quit quits")
        #expect(hint.found, "an empty line gave no hint:\n\(hint.screen)")
        Thread.sleep(forTimeInterval: 1.2)
        #expect(!(try terminal.screen().contains("exit=")))
        // Two key presses, two signals: in one send-keys the kernel would merge the second SIGINT into the
        // first while it is still pending, which no hand can do.
        try terminal.press("C-c")
        try terminal.press("C-c")
        let ended = try terminal.waitFor("exit=130")
        #expect(ended.found, "two quick Ctrl+C did not end natter with 130:\n\(ended.screen)")
    }

    /// A refused password is not a dead end: fix the password command, `/reconnect`, and the client is online.
    @Test func aWrongPasswordCanBeFixedWithoutRestarting() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("tui-password")
        let passwordFile = home + "/password"
        try "wrong\n".write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let terminal = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice "
                + "--password-command 'cat \(passwordFile)'",
            environment: ["XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
        defer { terminal.close() }
        let refused = try terminal.waitFor("wrong user name or password")
        #expect(refused.found, "the refusal was never shown:\n\(refused.screen)")
        #expect(refused.screen.contains("/reconnect"), "no hint how to go on:\n\(refused.screen)")
        Thread.sleep(forTimeInterval: 2)
        #expect(!(try terminal.screen().contains("reconnecting in")), "a refused password was retried")

        try "alice\n".write(toFile: passwordFile, atomically: true, encoding: .utf8)
        try terminal.enter("/reconnect")
        let online = try terminal.waitFor("[online]")
        #expect(online.found, "/reconnect did not log in with the fixed password:\n\(online.screen)")
    }

    /// Enter alone at the password prompt is a slip: it asks again instead of sending an empty password.
    @Test func anEmptyPasswordIsAskedForAgain() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("tui-empty-password")
        let terminal = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) roster --server \(server.url) --user alice",
            environment: ["XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
        defer { terminal.close() }
        #expect(try terminal.waitFor("Password for alice:").found)
        try terminal.press("Enter")
        let again = try TestProcess.poll(timeout: 10, interval: 100_000) {
            try terminal.screen().components(separatedBy: "Password for alice:").count == 3
        }
        let prompted = try terminal.screen()
        #expect(again, "no second prompt:\n\(prompted)")
        try terminal.enter("alice")
        let listed = try terminal.waitFor("bob@natter.test")
        #expect(listed.found, "the roster never came:\n\(listed.screen)")
    }

    /// A private message runs notify_command with the sender and the text as arguments; no shell sees the text.
    @Test func aPrivateMessageRunsTheNotifyCommand() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-notify")
        let log = home + "/notified"
        try FileManager.default.createDirectory(atPath: home + "/natter", withIntermediateDirectories: true)
        // The command is the user's: here a shell script that writes its arguments one per line. The text reaches
        // it only as an argument ("$@"), so `$(touch …)` in it stays text; a shell line built from it would run it.
        // (A system binary rather than a script file written now, which a concurrent fork could hold open.)
        let command = #"["/bin/sh", "-c", "printf '%s\\n' \"$@\" >> '\#(log)'", "notify", "natter"]"#
        try "notify_command = \(command)\n".write(
            toFile: home + "/natter/config.toml", atomically: true, encoding: .utf8)
        let terminal = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: ["NATTER_PASSWORD": "alice", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
        defer { terminal.close() }
        #expect(try terminal.waitFor("[online]").found)
        let text = "lunch? $(touch \(home)/pwned)"
        let sent = try TestProcess.run(
            TestProcess.binary("natter"), ["send", "--server", server.url, "--user", "bob", "--to", "alice", text],
            environment: ["NATTER_PASSWORD": "bob", "XDG_DATA_HOME": home + "/bob", "XDG_CONFIG_HOME": home + "/bob"])
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        var lines: [String] = []
        _ = TestProcess.poll(timeout: 40, interval: 100_000) {
            lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            return lines.count >= 3
        }
        let screen = (try? terminal.screen()) ?? ""
        #expect(lines == ["natter", "Bob Martin", text], "notify_command got: \(lines)\n\(screen)")
        #expect(!FileManager.default.fileExists(atPath: home + "/pwned"))
    }

    /// A private message rings the terminal's bell: tmux flags the window it came from.
    @Test func aPrivateMessageRingsTheBell() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-bell")
        let terminal = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: ["NATTER_PASSWORD": "alice", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
        defer { terminal.close() }
        #expect(try terminal.waitFor("[online]").found)
        try terminal.openSecondWindow()
        #expect(!(try terminal.bellFlagged()))
        let sent = try TestProcess.run(
            TestProcess.binary("natter"), ["send", "--server", server.url, "--user", "bob", "--to", "alice", "ding"],
            environment: ["NATTER_PASSWORD": "bob", "XDG_DATA_HOME": home + "/bob", "XDG_CONFIG_HOME": home + "/bob"])
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        let rang = try TestProcess.poll(timeout: 20, interval: 100_000) { try terminal.bellFlagged() }
        #expect(rang, "no bell was flagged for the private message")
    }
}
