import Foundation
import NatterCodecs
import NatterTestSupport
import Testing

/// `natter tail --channel` follows a Channels channel for scripts.
@Suite(.serialized) struct ChannelsCLITests {
    @Test func tailFollowsAChannelByName() async throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try await ChannelPeer.connect(port: server.port, user: "alice")
        defer { alice.close() }
        let channelID = try #require(try await alice.request(.createChannel(ChannelCreate(id: "c", name: "Ops"))).id)
        #expect(
            try await alice.request(.invite(ChannelInvite(id: "i", channelID: channelID, recipient: "bob"))).status)

        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let tail = try ChildProcess(
            TestProcess.binary("natter"),
            ["tail", "--server", server.url, "--user", "bob", "--channel", "Ops", "--count", "1"],
            environment: [
                "NATTER_PASSWORD": "bob", "XDG_DATA_HOME": try TestProcess.temporaryDirectory("tail-channel"),
            ],
            stdout: out.write, stderr: err.write)
        defer { tail.stop() }
        let stdout = TestProcess.Reader(out.read)
        let stderr = TestProcess.Reader(err.read)
        // tail prints only what arrives after it has caught up, and says nothing when it has: keep writing until
        // it has printed one message and exited.
        var sent = 0
        while tail.wait(timeout: 0.5) == nil && sent < 60 {
            sent += 1
            try alice.send(
                .message(ChannelMessage(channelID: channelID, messageID: "m-\(sent)", text: "for the script \(sent)")))
        }
        #expect(tail.wait(timeout: 10) == 0, "tail failed:\n\(stdout.snapshot())\n\(stderr.snapshot())")
        #expect(
            stdout.snapshot().contains("#Ops <Alice Liddell> for the script "), "tail printed:\n\(stdout.snapshot())")
    }
}
