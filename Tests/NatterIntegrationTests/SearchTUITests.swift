import Foundation
import NatterTestSupport
import Testing

/// `/search` in a real terminal (tmux) against a real natterd: the cache is searched and the view jumps back.
@Suite(.serialized, .terminalSlot) struct SearchTUITests {
    @Test func searchBringsAnOldLineBackIntoView() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("tui-search")
        let alice = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: [
                "NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/data", "XDG_CONFIG_HOME": "\(home)/config",
            ])
        defer { alice.close() }
        #expect(try alice.waitFor("online").found)
        try alice.enter("/msg bob")
        try alice.enter("the haystack hides a needle")
        for index in 0..<40 { try alice.enter("filler line \(index)") }
        let scrolled = try alice.waitFor("filler line 39")
        #expect(scrolled.found, "the fillers never showed:\n\(scrolled.screen)")
        #expect(!scrolled.screen.contains("hides a needle"))

        try alice.enter("/search needle")
        let found = try alice.waitFor(all: ["hides a needle", "match 1 of 1"])
        #expect(found.found, "/search did not bring the match into view:\n\(found.screen)")
        #expect(!found.screen.contains("filler line 39"))
    }
}
