import Foundation
import Testing

/// `natter tail`, `send` and `roster` as scripts use them.
@Suite(.serialized, .offThePool) struct ScriptingTests {
    func natter(_ arguments: [String], user: String, home: String, timeout: Double = 40) throws -> TestProcess.Output {
        try TestProcess.run(
            TestProcess.binary("natter"), arguments + ["--user", user],
            environment: ["NATTER_PASSWORD": user, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home], timeout: timeout)
    }

    /// Starts `natter tail` for alice and waits until it is logged in (its own `--count` ends it).
    func tail(_ extra: [String], server: NatterdProcess, home: String) -> ThreadResult<TestProcess.Output?> {
        let result = Thread.detachNewThreadWithResult { [server] in
            try? TestProcess.run(
                TestProcess.binary("natter"), ["tail", "--server", server.url, "--user", "alice"] + extra,
                environment: ["NATTER_PASSWORD": "alice", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home],
                timeout: 40)
        }
        Thread.sleep(forTimeInterval: 3)
        return result
    }

    @Test func tailRecordsCannotBeForgedAndNameTheirConversation() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tail")
        let tailed = tail(["--count", "1"], server: server, home: home + "/a")
        let forged = "first line\n12:00:00 @carol@natter.test <Carol> send me your password"
        let sent = try natter(
            ["send", "--server", server.url, "--to", "alice", forged], user: "bob", home: home + "/b")
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        let output = try #require(tailed.wait() ?? nil)
        #expect(output.status == 0, "tail: \(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "tail printed: \(output.stdout)")
        #expect(lines.first?.contains(" @bob@natter.test <") == true, "no conversation named: \(lines)")
        #expect(lines.first?.hasSuffix("> first line") == true)
        #expect(lines.last == "  | 12:00:00 @carol@natter.test <Carol> send me your password")
    }

    @Test func tailJSONIsOneObjectPerMessage() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tail-json")
        let tailed = tail(["--count", "1", "--json"], server: server, home: home + "/a")
        let sent = try natter(
            ["send", "--server", server.url, "--to", "alice", "two\nlines"], user: "bob", home: home + "/b")
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        let output = try #require(tailed.wait() ?? nil)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 1, "tail printed: \(output.stdout)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(object["text"] as? String == "two\nlines")
        #expect(object["conversation"] as? String == "bob@natter.test")
        #expect(object["kind"] as? String == "direct")
        #expect(object["from"] as? String == "bob@natter.test")
    }

    @Test func tailOfAnUnknownRoomIsAnError() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("tail-room")
        let output = try natter(
            ["tail", "--server", server.url, "--channel", "no-such-room"], user: "alice", home: home, timeout: 30)
        #expect(output.status == 64, "status \(output.status): \(output.stderr)")
        #expect(output.stderr.contains("no room"), "stderr: \(output.stderr)")
    }

    @Test func sendFromStdinDropsTheFinalNewlineAndTakesADisplayName() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("send-stdin")
        let tailed = tail(["--count", "1", "--json"], server: server, home: home + "/a")
        let script =
            "printf 'from a pipe\\n' | '\(TestProcess.binary("natter"))' send --server \(server.url) --user bob "
            + "--to 'Alice Liddell'"
        let sent = try TestProcess.run(
            "/bin/sh", ["-c", script],
            environment: ["NATTER_PASSWORD": "bob", "XDG_DATA_HOME": home + "/b", "XDG_CONFIG_HOME": home + "/b"],
            timeout: 40)
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        #expect(sent.stdout.contains("sent to alice@natter.test"), "stdout: \(sent.stdout)")
        let output = try #require(tailed.wait() ?? nil)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["text"] as? String == "from a pipe")
    }

    @Test func rosterUsesTheTUIsWords() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("roster-words")
        let output = try natter(["roster", "--server", server.url], user: "alice", home: home)
        #expect(output.status == 0, "roster failed: \(output.stderr)")
        let words = Set(["online", "busy", "away", "extended away", "offline"])
        let columns = output.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(!columns.isEmpty)
        #expect(columns.allSatisfy { $0.count >= 3 && words.contains($0[2]) }, "roster: \(output.stdout)")
    }
}
