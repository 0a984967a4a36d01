import Foundation
import NatterEngine
import NatterModel
import NatterTestSupport
import Testing

/// `natter send` as scripts use it: text on standard input, the recipient by display name.
@Suite(.serialized, .offThePool) struct SendStdinTests {
    @Test func stdinLosesOnlyItsFinalNewlineAndToTakesADisplayName() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("send-stdin")
        let alice = EngineClient(user: "alice", serverURL: server.url)
        #expect(alice.waitSynchronized())
        // The text goes through a real pipe, as `printf … | natter send` in a script does.
        let sent = try TestProcess.run(
            "/bin/sh",
            [
                "-c", #"printf 'first line\nsecond line\n' | "$0" send --server "$1" --user bob --to 'Alice Liddell'"#,
                TestProcess.binary("natter"), server.url,
            ],
            environment: ["NATTER_PASSWORD": "bob", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        #expect(sent.stdout.contains("sent to alice@natter.test"), "stdout: \(sent.stdout)")
        let bob = JID("bob@natter.test")!
        #expect(
            alice.wait { $0.conversations[.direct(bob)]?.messages.contains { $0.text.hasPrefix("first") } ?? false })
        let text = alice.state.conversations[.direct(bob)]?.messages.first { $0.text.hasPrefix("first") }?.text
        #expect(text == "first line\nsecond line")
    }
}
