import Foundation
import Testing

/// The grouped roster pane in a real terminal (tmux) against a real natterd: groups with online/total counts,
/// an empty group, and folding one with the roster keys.
@Suite(.serialized, .terminalSlot) struct RosterGroupsTUITests {
    @Test func groupsShowCountsAndFoldWithTheRosterKeys() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-roster-groups")
        func client(_ user: String) throws -> TmuxTerminal {
            try TmuxTerminal(
                command: "\(TestProcess.binary("natter")) --server \(server.url) --user \(user)",
                environment: [
                    "NATTER_PASSWORD": user, "XDG_DATA_HOME": "\(home)/\(user)/data",
                    "XDG_CONFIG_HOME": "\(home)/\(user)/config",
                ], width: 150, height: 30)
        }
        let bob = try client("bob")
        defer { bob.close() }
        #expect(try bob.waitFor("online").found, "bob never came online")
        let alice = try client("alice")
        defer { alice.close() }
        // Alice's demo list: Bob and Carol are friends and teammates, Dave a teammate; only Bob is online.
        let grouped = try alice.waitFor(all: ["− Friends", "1/2", "− Team", "1/3", " ● Bob Martin"])
        #expect(grouped.found, "the roster was not grouped with counts:\n\(grouped.screen)")

        try alice.enter("/group add Empty")
        let empty = try alice.waitFor("− Empty")
        #expect(empty.found, "an empty group must be shown:\n\(empty.screen)")
        #expect(empty.screen.contains("0/0"), "\(empty.screen)")

        // The first Alt+Down puts the cursor on the first entry (the Lounge room), then Empty, then Friends.
        try alice.press("M-Down")
        #expect(try alice.waitFor("▸ Lounge").found)
        try alice.press("M-Down")
        try alice.press("M-Down")
        try alice.press("M-Left")
        let folded = try alice.waitFor("+ Friends")
        #expect(folded.found, "Alt+Left did not fold Friends:\n\(folded.screen)")
        // Bob still shows once, under Team; Carol too, so her Friends line is what went.
        let rows = folded.screen.split(separator: "\n").map { String($0.prefix(30)) }
        #expect(rows.filter { $0.contains("Bob Martin") }.count == 1, "\(folded.screen)")
        #expect(rows.filter { $0.contains("Carol Chen") }.count == 1, "\(folded.screen)")
        try alice.press("M-Enter")
        let unfolded = try alice.waitFor("− Friends")
        #expect(unfolded.found, "Alt+Enter did not unfold Friends:\n\(unfolded.screen)")
    }
}
