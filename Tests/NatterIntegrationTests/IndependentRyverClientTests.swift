import Foundation
import Testing

/// natterd's Realtime door against pyryver, a Ryver client written for ryver.com by people who never saw natterd.
///
/// Our client agreeing with our server proves little; this checks login, auth, presence, typing, acked chat and
/// delivery against someone else's reading of the dialect, and that natter's own `send` reaches that client.
@Suite(.serialized, .offThePool) struct IndependentRyverClientTests {
    @Test func pyryverLogsInChatsAndHearsNatter() throws {
        let python = try PythonPeers.python()
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let peer = try ChildProcess(
            python, [PythonPeers.peersDirectory + "/ryver_peer.py", server.url, "natter.test"],
            stdout: out.write, stderr: err.write)
        defer { peer.stop() }
        let stdout = TestProcess.Reader(out.read)
        let stderr = TestProcess.Reader(err.read)

        let waiting = stdout.waitFor(#""event": "waiting""#)
        try #require(
            waiting,
            "pyryver did not get through login, presence, typing and chat:\n\(stdout.snapshot())\n\(stderr.snapshot())")
        let lines = stdout.snapshot().split(separator: "\n").map(String.init)
        #expect(lines.contains(#"{"event": "presence", "source": "bob@natter.test", "presence": "dnd"}"#))
        #expect(lines.contains(#"{"event": "typing", "source": "alice@natter.test", "state": "composing"}"#))
        #expect(
            lines.contains {
                $0.contains(#""event": "chat", "source": "alice@natter.test", "to": "bob@natter.test""#)
                    && $0.contains("hello from pyryver, 日本語 and 👋")
            })
        let sent = try TestProcess.run(
            TestProcess.binary("natter"),
            ["send", "--server", server.url, "--user", "dave", "--to", "alice", "from natter 🙂"],
            environment: ["NATTER_PASSWORD": "dave", "XDG_DATA_HOME": try TestProcess.temporaryDirectory("pyryver")])
        #expect(sent.status == 0, "natter send failed: \(sent.stderr)")
        #expect(peer.wait(timeout: 30) == 0, "pyryver failed:\n\(stdout.snapshot())\n\(stderr.snapshot())")
        #expect(
            stdout.snapshot().contains(
                #"{"event": "chat", "source": "dave@natter.test", "to": "alice@natter.test", "text": "from natter 🙂""#))
    }
}
