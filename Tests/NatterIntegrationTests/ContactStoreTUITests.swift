import Foundation
import Testing

/// The buddy list edited in a real terminal (tmux) through the contact store, against a real natterd, and
/// seen by a second client of the same user.
@Suite(.serialized, .terminalSlot) struct ContactStoreTUITests {
    @Test func aGroupAndAContactAddedInTheTUIReachASecondClient() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-groups")
        let environment = [
            "NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/data", "XDG_CONFIG_HOME": "\(home)/config",
        ]
        let alice = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice", environment: environment)
        defer { alice.close() }
        let ready = try alice.waitFor("online")
        #expect(ready.found, "alice never came online:\n\(ready.screen)")

        try alice.enter("/group add Work")
        // Tab completes group names where a command takes one.
        try alice.type("/contact add pat@example.org Fri")
        try alice.press("Tab")
        let completed = try alice.waitFor("/contact add pat@example.org Friends")
        #expect(completed.found, "Tab did not complete the group:\n\(completed.screen)")
        try alice.press("C-u")
        try alice.enter("/contact add pat@example.org Work Pat Peer")
        let listed = try alice.waitFor("Pat Peer")
        #expect(listed.found, "the new contact never showed in the roster pane:\n\(listed.screen)")
        try alice.enter("/group remove Work")
        let asked = try alice.waitFor("repeat with --yes")
        #expect(asked.found, "a removal must ask first:\n\(asked.screen)")
        #expect(asked.screen.contains("Pat Peer"), "nothing is removed before the confirmation")

        let roster = try TestProcess.run(
            TestProcess.binary("natter"),
            ["roster", "--json", "--server", server.url, "--user", "alice"],
            environment: ["NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/second"])
        #expect(roster.status == 0, "natter roster failed: \(roster.stderr)")
        let records = try JSONSerialization.jsonObject(with: Data(roster.stdout.utf8)) as? [[String: Any]] ?? []
        let pat = try #require(records.first { $0["address"] as? String == "pat@example.org" }, "\(roster.stdout)")
        #expect(pat["name"] as? String == "Pat Peer")
        #expect(pat["groups"] as? [String] == ["Work"])

        let grouped = try TestProcess.run(
            TestProcess.binary("natter"), ["roster", "--groups", "--server", server.url, "--user", "alice"],
            environment: ["NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/third"])
        #expect(grouped.status == 0, "natter roster --groups failed: \(grouped.stderr)")
        #expect(grouped.stdout.contains("Work (0/1)\n  pat@example.org\tPat Peer\tunavailable\n"), "\(grouped.stdout)")
        #expect(grouped.stdout.contains("Friends ("), "\(grouped.stdout)")
    }
}
