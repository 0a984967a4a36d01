import Foundation
import Testing

/// Two natterd processes with different domains and one natter whose config names both: the accounts live side
/// by side in one terminal, and one server dying neither stops the other nor loses what was typed meanwhile.
@Suite(.serialized, .terminalSlot) struct MultiAccountEndToEndTests {
    static func config(a: NatterdProcess, b: NatterdProcess) -> String {
        """
        [accounts.a]
        server = "\(a.url)"
        user = "alice@a.test"

        [accounts.b]
        server = "\(b.url)"
        user = "alice@b.test"
        """
    }

    @Test func twoServersInOneTerminalAndOneDiesWithoutHurtingTheOther() throws {
        let directoryA = try TestProcess.temporaryDirectory("multi-a")
        var serverA = try NatterdProcess(directory: directoryA, arguments: ["--domain", "a.test"])
        let serverB = try NatterdProcess(arguments: ["--domain", "b.test"])
        let home = try TestProcess.temporaryDirectory("multi-home")
        try FileManager.default.createDirectory(atPath: home + "/config/natter", withIntermediateDirectories: true)
        try Self.config(a: serverA, b: serverB).write(
            toFile: home + "/config/natter/config.toml", atomically: true, encoding: .utf8)

        // Bob on A follows his messages with the scripting client, so we can count what reaches him.
        let bobOut = try TestProcess.Pipe.make()
        let bob = try ChildProcess(
            TestProcess.binary("natter"), ["tail", "--server", serverA.url, "--user", "bob@a.test"],
            environment: ["NATTER_PASSWORD": "bob", "XDG_DATA_HOME": home + "/bob"], stdout: bobOut.write)
        defer { bob.stop() }
        let bobSees = TestProcess.Reader(bobOut.read)

        let alice = try TmuxTerminal(
            command: TestProcess.binary("natter"),
            environment: [
                "NATTER_PASSWORD": "alice", "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            ], width: 120, height: 34)
        defer { alice.close() }

        // One roster across both accounts: the same display names, told apart by address (cut to the pane).
        let both = try alice.waitFor(all: ["<bob@a.t", "<bob@b.t"], timeout: 30)
        #expect(both.found, "the roster never showed both accounts' contacts:\n\(both.screen)")

        try alice.enter("/msg bob@a.test")
        try alice.enter("one for bob on A")
        #expect(bobSees.waitFor("one for bob on A"), "bob on A never got alice's message")

        try alice.enter("/msg carol@b.test")
        try alice.enter("hello carol on B")
        let greeted = try alice.waitFor("How's it going?", timeout: 30)
        #expect(greeted.found, "carol on B never answered:\n\(greeted.screen)")

        serverA.kill()
        let lost = try alice.waitFor("a: reconnecting", timeout: 30)
        #expect(lost.found, "the status bar never said account a was reconnecting:\n\(lost.screen)")
        #expect(!lost.screen.contains("b: reconnecting"), "account b must stay online:\n\(lost.screen)")

        // B is not held up by A: carol answers a question while A is still down.
        try alice.enter("are you still there?")
        let answered = try alice.waitFor("Good question", timeout: 20)
        #expect(answered.found, "a message on B was held up by A being down:\n\(answered.screen)")
        // Still down: between retries the bar says `reconnecting in …`, during one `connecting…`; online, no `[a: `.
        #expect(try alice.screen().contains("[a: "), "A came back too early for this test to mean much")

        try alice.enter("/msg bob@a.test")
        try alice.enter("typed while A was down")

        serverA = try NatterdProcess(port: serverA.port, directory: directoryA, arguments: ["--domain", "a.test"])
        #expect(bobSees.waitFor("typed while A was down", timeout: 60), "the outbox never drained to A")
        // A later message is the sync point: once it is in, a duplicate of the earlier one would be too.
        try alice.enter("and one after the restart")
        #expect(bobSees.waitFor("and one after the restart", timeout: 30))
        let copies = bobSees.snapshot().components(separatedBy: "typed while A was down").count - 1
        #expect(copies == 1, "the outbox must drain exactly once, bob saw \(copies):\n\(bobSees.snapshot())")
        _ = serverA
    }
}
