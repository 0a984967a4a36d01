import Foundation
import Testing

/// natterd's Channels door against Python's `websockets`, driven by a script that reads the wire format on its
/// own (Tests/Peers/channels_peer.py): bearer login, the 401, a channel with an invitation, a message with its
/// receipts, an unknown type, and the archive.
@Suite(.serialized, .offThePool) struct IndependentChannelsClientTests {
    @Test func pythonWebsocketsCreatesInvitesAndMessages() throws {
        let python = try PythonPeers.python()
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let peer = try ChildProcess(
            python, [PythonPeers.peersDirectory + "/channels_peer.py", server.url, "natter.test"],
            stdout: out.write, stderr: err.write)
        defer { peer.stop() }
        let stdout = TestProcess.Reader(out.read)
        let stderr = TestProcess.Reader(err.read)

        #expect(peer.wait(timeout: 60) == 0, "the peer failed:\n\(stdout.snapshot())\n\(stderr.snapshot())")
        let lines = Set(stdout.snapshot().split(separator: "\n").map(String.init))
        let expected = [
            #"{"event": "refused", "status": 401, "bearer": true}"#,
            #"{"event": "connected"}"#,
            #"{"event": "created", "administrator": true, "name": "Python", "same": true}"#,
            #"{"event": "refused-invite", "status": false, "reason": "not a member of channel '"#,
            #"{"event": "invited", "sender": "alice@natter.test", "administrator": false}"#,
            #"{"event": "stored", "acked": true, "message": "py-1"}"#,
            #"{"event": "message", "sender": "alice@natter.test", "text": "hello from websockets, 日本語", "timed": true}"#,
            #"{"event": "received", "subscriber": "bob@natter.test", "message": "py-1"}"#,
            #"{"event": "read", "acked": true, "subscriber": "bob@natter.test"}"#,
            #"{"event": "unknown", "status": false, "reason": "unknown message type 'subscribe'"}"#,
            #"{"event": "archive", "count": 1, "message": "py-1", "text": "hello from websockets, 日本語"}"#,
            #"{"event": "done"}"#,
        ]
        for line in expected {
            #expect(lines.contains { $0.hasPrefix(line) }, "missing \(line) in:\n\(stdout.snapshot())")
        }
    }
}
