import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// natterd's CWA door against a client written from the seed with Python's standard library only
/// (Tests/Peers/cwa_peer.py): there is no CWA client library to borrow, and this one shares no code with
/// natter, so it checks our reading of the dialect against a second one.
@Suite(.serialized, .offThePool) struct IndependentCWAClientTests {
    @Test func seedRequestStartsASessionThatAnIndependentClientCompletes() throws {
        let python = try PythonPeers.python()
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let peer = try ChildProcess(
            python, [PythonPeers.peersDirectory + "/cwa_peer.py", server.url, "natter.test"],
            stdout: out.write, stderr: err.write)
        defer { peer.stop() }
        let stdout = TestProcess.Reader(out.read)
        let stderr = TestProcess.Reader(err.read)
        #expect(peer.wait(timeout: 60) == 0, "cwa_peer failed:\n\(stdout.snapshot())\n\(stderr.snapshot())")
        let lines = Set(stdout.snapshot().split(separator: "\n").map(String.init))
        let expected = [
            #"{"event": "session", "user": "alice@natter.test", "sid": true, "pollWaitTime": 3000}"#,
            #"{"event": "session", "user": "bob@natter.test", "sid": true, "pollWaitTime": 3000}"#,
            #"{"event": "accepted", "rid": "2", "confId": "1"}"#,
            #"{"event": "imSessionReceived", "user": "bob", "sender": "sip:alice@natter.test", "content": "Hey,.can we talk?", "format": "X-MMS-IM-Format: FN=Arial; EF=; CO=000000; CS=1; PF=00]", "confId": "1"}"#,
            #"{"event": "imSessionState", "user": "bob", "state": "incoming", "confId": "1"}"#,
            #"{"event": "replay", "same": true, "count": 5}"#,
            #"{"event": "imSessionState", "user": "alice", "state": "connected", "confId": "1"}"#,
            #"{"event": "participant", "user": "alice", "uri": "sip:bob@natter.test", "state": "joined", "confId": "1"}"#,
            #"{"event": "composingState", "user": "alice", "sender": "sip:bob@natter.test", "state": "composing", "confId": "1"}"#,
            #"{"event": "messageReceived", "user": "alice", "sender": "sip:bob@natter.test", "content": "Sure — 日本語 too", "format": "X-MMS-IM-Format: FN=Courier%20New; EF=BI; CO=ff0000; CS=0; PF=31", "confId": "1"}"#,
            #"{"event": "refused", "tag": "error", "code": "emptyMessage", "reason": true}"#,
            #"{"event": "participant", "user": "bob", "uri": "sip:alice@natter.test", "state": "left", "confId": "1"}"#,
            #"{"event": "imSessionState", "user": "bob", "state": "terminated", "confId": "1"}"#,
            #"{"event": "done"}"#,
        ]
        for line in expected {
            #expect(lines.contains(line), "missing \(line) in:\n\(stdout.snapshot())")
        }
    }

    /// The other direction: the independent client's styled message reaches natter's engine with its style, and
    /// natter's answer reaches the independent client with natter's own format header.
    @Test func aStyledMessageFromAnIndependentClientArrivesWithItsStyle() throws {
        let python = try PythonPeers.python()
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = ConferenceIntegrationTests.Client("alice", server: server.url)
        #expect(alice.wait { $0.accounts[.default]?.isSynchronized == true })
        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let peer = try ChildProcess(
            python, [PythonPeers.peersDirectory + "/cwa_peer.py", server.url, "natter.test", "styled", "alice"],
            stdout: out.write, stderr: err.write)
        defer { peer.stop() }
        let stdout = TestProcess.Reader(out.read)
        let stderr = TestProcess.Reader(err.read)

        #expect(alice.wait { !$0.invitations.isEmpty }, "no invitation:\n\(stderr.snapshot())")
        let invitation = try #require(alice.engine.state.invitations.values.first)
        #expect(invitation.subject == "Formats")
        let id = ConversationID.conference(invitation.conference)
        alice.engine.dispatch(.conferences(.accept(id)))
        #expect(alice.wait { _ in alice.texts(in: id).contains("This is important") }, "\(stderr.snapshot())")
        let message = try #require(alice.engine.state.conversations[id]?.messages.last)
        #expect(message.text == "This is important")
        #expect(
            message.style
                == MessageStyle(
                    effects: [.bold, .underline], color: MessageStyle.Color(red: 255, green: 0, blue: 0),
                    font: "Courier New"))

        alice.engine.dispatch(.send(text: "Got it", to: id))
        #expect(peer.wait(timeout: 60) == 0, "cwa_peer failed:\n\(stdout.snapshot())\n\(stderr.snapshot())")
        let answer =
            #"{"event": "messageReceived", "user": "bob", "sender": "sip:alice@natter.test", "content": "Got it", "#
            + #""format": "X-MMS-IM-Format: FN=Segoe%20UI; EF=; CO=000000; CS=0; PF=22", "confId": "1"}"#
        #expect(stdout.snapshot().contains(answer), "\(stdout.snapshot())")
    }
}
