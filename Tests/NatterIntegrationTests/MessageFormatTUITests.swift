import Foundation
import Testing

/// A message styled by an independent CWA client (Tests/Peers/cwa_peer.py: bold, underline, red in its
/// X-MMS-IM-Format) drawn by natter in a real terminal (tmux) with those attributes and that colour.
@Suite(.serialized, .terminalSlot) struct MessageFormatTUITests {
    @Test func theSendersBoldUnderlineAndColourReachTheTerminal() throws {
        let python = try PythonPeers.python()
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-format")
        let alice = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: [
                "NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/data", "XDG_CONFIG_HOME": "\(home)/config",
            ], width: 100)
        defer { alice.close() }
        let ready = try alice.waitFor("[online]")
        #expect(ready.found, "never came online:\n\(ready.screen)")

        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let peer = try ChildProcess(
            python, [PythonPeers.peersDirectory + "/cwa_peer.py", server.url, "natter.test", "styled", "alice"],
            stdout: out.write, stderr: err.write)
        defer { peer.stop() }
        let stderr = TestProcess.Reader(err.read)

        let invited = try alice.waitFor("(/accept or /decline)")
        #expect(invited.found, "no invitation:\n\(invited.screen)\n\(stderr.snapshot())")
        try alice.enter("/accept")
        let shown = try alice.waitFor("This is important")
        #expect(shown.found, "the styled message never appeared:\n\(shown.screen)\n\(stderr.snapshot())")

        let styled = try alice.styledScreen()
        let line = styled.split(separator: "\n").first { $0.contains("This is important") }.map(String.init) ?? ""
        // tmux writes the attributes in force before the text: bold (1), underline (4) and, on xterm-256color,
        // pure red as palette colour 9, which tmux spells 91.
        let before = line.components(separatedBy: "This is important").first ?? ""
        let lastReset = before.range(of: "\u{1B}[0m", options: .backwards).map { String(before[$0.upperBound...]) }
        let sgr = lastReset ?? before
        // Every SGR parameter in force: tmux may combine them (`ESC[1;4m`).
        let parameters = Set(
            sgr.components(separatedBy: "\u{1B}[").compactMap { $0.hasSuffix("m") ? $0.dropLast() : nil }
                .flatMap { $0.split(separator: ";").map(String.init) })
        #expect(parameters.contains("1"), "not bold: \(line.debugDescription)")
        #expect(parameters.contains("4"), "not underlined: \(line.debugDescription)")
        #expect(parameters.contains("91"), "not red: \(line.debugDescription)")
    }
}
