import Foundation
import Testing

/// natterd's Zimbra IM door against python-zimbra, a Zimbra SOAP client written for real Zimbra servers by
/// people who never saw natterd.
///
/// It checks login (and a refused password), presence with upper-case `show`, typing, a chat, IMGetChat
/// history, the roster notification and a fault against someone else's reading of the dialect, and that
/// natter's own `send` over Realtime reaches that client on the pair's thread.
@Suite(.serialized, .offThePool) struct IndependentZimbraClientTests {
    @Test func pythonZimbraLogsInChatsAndHearsNatter() throws {
        let python = try PythonPeers.python()
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let peer = try ChildProcess(
            python, [PythonPeers.peersDirectory + "/zimbra_peer.py", server.url, "natter.test"],
            stdout: out.write, stderr: err.write)
        defer { peer.stop() }
        let stdout = TestProcess.Reader(out.read)
        let stderr = TestProcess.Reader(err.read)

        try #require(
            stdout.waitFor(#""event": "waiting""#),
            "python-zimbra did not get through login, presence, chat and history:\n\(stdout.snapshot())\n\(stderr.snapshot())"
        )
        let lines = stdout.snapshot().split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(#""event": "refused""#) && $0.contains("account.AUTH_FAILED") })
        #expect(
            lines.contains(#"{"event": "presence", "source": "bob@natter.test", "show": "dnd", "status": "deep work"}"#)
        )
        #expect(lines.contains(#"{"event": "typing", "source": "bob@natter.test", "thread": "d:alice:bob"}"#))
        #expect(
            lines.contains(
                #"{"event": "chat", "source": "bob@natter.test", "thread": "d:alice:bob", "sent_thread": "d:alice:bob", "text": "hello from python-zimbra, 日本語 and 👋"}"#
            ))
        // The demo seed's four messages, then bob's: one conversation with Realtime's history.
        #expect(
            lines.contains(
                #"{"event": "history", "thread": "d:alice:bob", "count": 5, "last": "hello from python-zimbra, 日本語 and 👋", "seqs": [1, 2, 3, 4, 5]}"#
            ))
        #expect(
            lines.contains {
                $0.contains(#""event": "roster""#)
                    && $0.contains(#"["bob@natter.test", "carol@natter.test", "dave@natter.test"]"#)
            })
        #expect(lines.contains(#"{"event": "fault", "code": "service.AUTH_REQUIRED"}"#))

        let sent = try TestProcess.run(
            TestProcess.binary("natter"),
            ["send", "--server", server.url, "--user", "dave", "--to", "alice", "from natter 🙂"],
            environment: ["NATTER_PASSWORD": "dave", "XDG_DATA_HOME": try TestProcess.temporaryDirectory("pyzimbra")])
        #expect(sent.status == 0, "natter send failed: \(sent.stderr)")
        #expect(peer.wait(timeout: 30) == 0, "python-zimbra failed:\n\(stdout.snapshot())\n\(stderr.snapshot())")
        #expect(
            stdout.snapshot().contains(
                #"{"event": "chat", "source": "dave@natter.test", "thread": "d:alice:dave", "text": "from natter 🙂"}"#))
    }
}
