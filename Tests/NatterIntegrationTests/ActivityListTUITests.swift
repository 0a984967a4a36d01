import Foundation
import Testing

/// The activity list in a narrow real terminal (tmux): messages in two windows that are not in view put their
/// numbers in `[Act: …]`, which stays whole at 50 columns and through resizes, narrower and back.
@Suite(.serialized, .terminalSlot) struct ActivityListTUITests {
    @Test func theActivityListSurvivesANarrowTerminalAndResizes() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-activity")
        let alice = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: [
                "NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/alice", "XDG_CONFIG_HOME": "\(home)/alice",
            ], width: 50, height: 16)
        defer { alice.close() }
        let ready = try alice.waitFor("[online]")
        #expect(ready.found, "never came online:\n\(ready.screen)")

        for sender in ["bob", "carol"] {
            let sent = try TestProcess.run(
                TestProcess.binary("natter"),
                ["send", "--server", server.url, "--user", sender, "--to", "alice", "ping from \(sender)"],
                environment: ["NATTER_PASSWORD": sender, "XDG_DATA_HOME": "\(home)/\(sender)"])
            #expect(sent.status == 0, "natter send failed: \(sent.stderr)")
        }
        // Both chats opened as windows 2 and 3 behind the console; neither is in view, so both are listed.
        let listed = try alice.waitFor("[Act: 2,3]")
        #expect(listed.found, "no activity list at 50 columns:\n\(listed.screen)")
        #expect(Self.statusBar(of: listed.screen).hasSuffix("[Act: 2,3]"), "cut or moved:\n\(listed.screen)")

        try alice.resize(width: 36, height: 12)
        let narrow = try alice.waitFor("[Act: 2,3]")
        #expect(narrow.found, "the activity list was cut at 36 columns:\n\(narrow.screen)")
        #expect(Self.widest(narrow.screen) <= 36, "a row wider than the terminal:\n\(narrow.screen)")

        // Reading window 2 takes it off the list; window 3 stays.
        try alice.press("M-2")
        let read = try TestProcess.poll(timeout: 20, interval: 100_000) {
            Self.statusBar(of: try alice.screen()).hasSuffix("[Act: 3]")
        }
        let afterReading = try alice.screen()
        #expect(read, "window 2 stayed in the list after it was read:\n\(afterReading)")
        #expect(try alice.waitFor("ping from bob").found)

        try alice.resize(width: 100, height: 30)
        let wide = try alice.waitFor(all: ["ping from bob", "[Act: 3]"])
        #expect(wide.found, "the layout did not come back at 100 columns:\n\(wide.screen)")
    }

    /// The status bar: the row above the input line at the bottom of the screen.
    static func statusBar(of screen: String) -> String {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let filled = rows.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix(">") }
        return filled.map { rows[$0].trimmingCharacters(in: .whitespaces) } ?? ""
    }

    static func widest(_ screen: String) -> Int {
        screen.split(separator: "\n").map { $0.unicodeScalars.count }.max() ?? 0
    }
}
