import Foundation
import Testing

/// Emoji sequences in a real terminal (tmux): natter asks the terminal how wide it draws a ZWJ family and a
/// skin-toned thumb, shows both as the sender wrote them, and lays out the rest of the line where tmux puts it.
@Suite(.serialized, .terminalSlot) struct EmojiTUITests {
    @Test func zwjSequencesAndSkinTonesAreShownWholeAndTheLineStaysExact() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-emoji")
        // 50 columns: no roster, so the chat pane is the whole width and a row is all one message's.
        let alice = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: [
                "NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/data", "XDG_CONFIG_HOME": "\(home)/config",
            ], width: 50, height: 16)
        defer { alice.close() }
        let ready = try alice.waitFor("[online]")
        #expect(ready.found, "never came online:\n\(ready.screen)")
        try alice.enter("/msg bob")

        // The first row is filled to the pane's edge: "HH:mm <alice> " (14 cells), then the thumb, the family and
        // as many letters as the layout says fit in the other 36 cells, whatever this tmux measured the emoji as.
        // Had natter and tmux disagreed on a width, the last letters would be pushed past the edge or overwritten
        // and the rows would not add up to the text.
        // The thumb first: a 2-cell cluster is a break opportunity (as between ideographs), so the family ends the
        // first word and the letters follow on the same row.
        let probe = "👍🏽👨‍👩‍👧"
        let fitting = 36 - (try Self.tmuxCells(of: probe))
        let letters = String((0..<fitting).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
        try alice.enter(probe + letters + " end")
        let shown = try alice.waitFor(probe + letters)
        #expect(shown.found, "not shown whole, or not on one row:\n\(shown.screen)")
        let complete = try TestProcess.poll(timeout: 10, interval: 100_000) {
            try Self.message(from: alice.screen()) == probe + letters + "end"
        }
        let screen = try alice.screen()
        #expect(complete, "the rows do not add up to the message:\n\(screen)")
        let row = screen.split(separator: "\n").first { $0.contains(probe) }.map(String.init) ?? ""
        #expect(
            row.hasSuffix(letters), "the first row does not end at the pane's edge with the last letter:\n\(screen)")
    }

    /// How many cells tmux itself gives `text`: printed in a pane of its own, then tmux's cursor column, which
    /// knows nothing of natter's measurement.
    static func tmuxCells(of text: String) throws -> Int {
        let socket = "natter-width-\(getpid())"
        // No captured streams for the session: the tmux server daemonises and would hold the pipes.
        func tmux(capture: Bool = true, _ arguments: [String]) throws -> String {
            try TestProcess.run("/usr/bin/tmux", ["-L", socket] + arguments, timeout: 10, capture: capture).stdout
        }
        defer { _ = try? tmux(["kill-server"]) }
        _ = try tmux(
            capture: false,
            [
                "new-session", "-d", "-s", "width", "-x", "40", "-y", "3",
                "env LANG=C.UTF-8 LC_ALL=C.UTF-8 printf '%s' '\(text)'; sleep 10",
            ])
        var column = 0
        _ = try TestProcess.poll(timeout: 5, interval: 50_000) {
            let answer = try tmux(["display", "-p", "-t", "width", "#{cursor_x}"])
            column = Int(answer.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            return column > 0
        }
        return column
    }

    /// The message's text as the rows show it: after `<alice> ` (and a pending marker) on the first row, then each
    /// indented continuation row.
    static func message(from screen: String) -> String {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = rows.lastIndex(where: { $0.contains("<alice> ") }) else { return "" }
        var text = String(rows[first][rows[first].range(of: "<alice> ")!.upperBound...])
        if text.hasPrefix("⧗ ") { text.removeFirst(2) }
        text = text.trimmingCharacters(in: .whitespaces)
        for row in rows[(first + 1)...] {
            guard row.hasPrefix("  "), !row.trimmingCharacters(in: .whitespaces).isEmpty else { break }
            text += row.trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}
