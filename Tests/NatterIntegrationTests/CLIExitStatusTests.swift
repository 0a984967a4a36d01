import Foundation
import Testing

/// Exit statuses with sysexits meanings, and errors that retrying cannot fix ending at once with what to fix.
@Suite(.serialized, .offThePool) struct CLIExitStatusTests {
    func natter(_ arguments: [String], password: String = "alice", timeout: Double = 40) throws -> TestProcess.Output {
        let home = try TestProcess.temporaryDirectory("exit")
        return try TestProcess.run(
            TestProcess.binary("natter"), arguments + ["--user", "alice"],
            environment: ["NATTER_PASSWORD": password, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home],
            timeout: timeout)
    }

    @Test func aRefusedLoginIsNoPermission() throws {
        let server = try NatterdProcess()
        let output = try natter(["roster", "--server", server.url], password: "nope")
        #expect(output.status == 77, "status \(output.status): \(output.stderr)")
        #expect(output.stderr.contains("wrong user name or password"))
    }

    @Test func aDeadServerIsUnavailable() throws {
        let port = TestProcess.freePort()
        let output = try natter(["roster", "--server", "http://127.0.0.1:\(port)"])
        #expect(output.status == 69, "status \(output.status): \(output.stderr)")
    }

    @Test func anInvalidURLSaysSoAndIsNotRetried() throws {
        let output = try natter(["roster", "--server", "htp:/nowhere"], timeout: 20)
        #expect(output.status != 0)
        #expect(!output.stderr.contains("reconnecting"), "stderr: \(output.stderr)")
        #expect(!output.stderr.isEmpty)
    }

    @Test func aLoginURLWithNothingThereSaysCheckTheURL() throws {
        let server = try NatterdProcess()
        let output = try natter(["roster", "--server", server.url + "/not-natter"], timeout: 20)
        #expect(output.status == 69, "status \(output.status): \(output.stderr)")
        #expect(output.stderr.contains("check the server URL"), "stderr: \(output.stderr)")
    }

    @Test func httpsAgainstAPlainServerFailsFastWithATLSError() throws {
        let server = try NatterdProcess()
        let started = Date()
        let output = try natter(
            ["roster", "--server", "https://127.0.0.1:\(server.port)", "--timeout", "30"], timeout: 40)
        let elapsed = Date().timeIntervalSince(started)
        #expect(output.status == 69, "status \(output.status): \(output.stderr)")
        #expect(output.stderr.lowercased().contains("tls"), "stderr: \(output.stderr)")
        // Not a performance assertion: a hang would run into the 30 s timeout, which this tells apart.
        #expect(elapsed < 25, "took \(elapsed) s: \(output.stderr)")
    }

    @Test func aTakenPortLeavesNoDatabaseBehind() throws {
        let server = try NatterdProcess()
        let directory = try TestProcess.temporaryDirectory("taken")
        let database = directory + "/second.sqlite"
        let output = try TestProcess.run(
            TestProcess.binary("natterd"),
            ["--host", "127.0.0.1", "--port", String(server.port), "--db", database, "--demo"], timeout: 20)
        #expect(output.status == 69, "status \(output.status): \(output.stderr)")
        #expect(output.stderr.contains("cannot listen"), "stderr: \(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func bothExecutablesTellTheirVersion() throws {
        for binary in ["natter", "natterd"] {
            let output = try TestProcess.run(TestProcess.binary(binary), ["--version"], timeout: 20)
            #expect(output.status == 0, "\(binary): \(output.stderr)")
            #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        }
    }
}
