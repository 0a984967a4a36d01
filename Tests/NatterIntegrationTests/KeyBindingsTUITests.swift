import Foundation
import Testing

/// `[keys]` from config.toml in a real terminal (tmux) against a real natterd: a rebound key acts, `/help keys`
/// lists it, and a bad binding stops natter with a clear error.
@Suite(.serialized, .terminalSlot) struct KeyBindingsTUITests {
    func configHome(_ keys: String) throws -> String {
        let home = try TestProcess.temporaryDirectory("tui-keys")
        try FileManager.default.createDirectory(atPath: "\(home)/config/natter", withIntermediateDirectories: true)
        try "[keys]\n\(keys)\n".write(toFile: "\(home)/config/natter/config.toml", atomically: true, encoding: .utf8)
        return home
    }

    @Test func aReboundKeyActsAndHelpKeysListsIt() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try configHome("\"ctrl-t\" = \"next_window\"\n\"ctrl-n\" = \"none\"")
        let alice = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: [
                "NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/data", "XDG_CONFIG_HOME": "\(home)/config",
            ])
        defer { alice.close() }
        let ready = try alice.waitFor("online")
        #expect(ready.found, "alice never came online:\n\(ready.screen)")
        try alice.enter("/help keys")
        let help = try alice.waitFor("ctrl-t         next_window")
        #expect(help.found, "/help keys did not list the binding:\n\(help.screen)")
        #expect(!help.screen.contains("ctrl-n "), "an unbound key is not listed:\n\(help.screen)")

        try alice.enter("/msg bob")
        #expect(try titleContains("Bob Martin", alice), "the chat with Bob did not open")
        try alice.press("M-1")
        #expect(try titleContains("Bob Martin", alice, negated: true), "Alt+1 did not go back to the console")
        // Ctrl+N is unbound now (bound, it would go to Bob and Ctrl+T back to the console); Ctrl+T, bound to
        // next_window, goes to Bob's window.
        try alice.press("C-n")
        try alice.press("C-t")
        #expect(try titleContains("Bob Martin", alice), "Ctrl+T did not move to the next window")
    }

    /// Waits until the title row (the screen's first) shows `text`, or with `negated` no longer shows it.
    func titleContains(_ text: String, _ terminal: TmuxTerminal, negated: Bool = false) throws -> Bool {
        try TestProcess.poll(timeout: 10, interval: 100_000) {
            let title = try terminal.screen().split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            return title.contains(text) != negated
        }
    }

    @Test func aBadBindingIsAConfigurationError() throws {
        let home = try configHome("\"ctrl-t\" = \"next_windw\"")
        let run = try TestProcess.run(
            TestProcess.binary("natter"), ["roster", "--server", "http://127.0.0.1:9", "--user", "alice"],
            environment: ["NATTER_PASSWORD": "alice", "XDG_CONFIG_HOME": "\(home)/config", "XDG_DATA_HOME": "\(home)"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("[keys] \"ctrl-t\" = \"next_windw\": no such action"), "\(run.stderr)")
    }
}
