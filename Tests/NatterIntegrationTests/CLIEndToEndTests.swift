import Foundation
import Testing

/// The scripting subcommands against a real natterd process.
@Suite(.serialized, .offThePool) struct CLIEndToEndTests {
    func natter(
        _ arguments: [String], user: String, password: String? = nil, home: String, timeout: Double = 60
    )
        throws -> TestProcess.Output
    {
        try TestProcess.run(
            TestProcess.binary("natter"), arguments + ["--user", user],
            environment: ["NATTER_PASSWORD": password ?? user, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home],
            timeout: timeout)
    }

    @Test func sendIsSeenByTail() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("cli")
        let tail = Thread.detachNewThreadWithResult { [server] in
            try? natter(
                ["tail", "--server", server.url, "--count", "1"], user: "alice", home: home + "/a", timeout: 30)
        }
        Thread.sleep(forTimeInterval: 2)
        let sent = try natter(
            ["send", "--server", server.url, "--to", "alice", "lunch at noon?"], user: "bob", home: home + "/b")
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        #expect(sent.stdout.contains("sent to alice@natter.test"))
        let tailed = try #require(tail.wait() ?? nil)
        #expect(tailed.status == 0)
        #expect(tailed.stdout.contains("lunch at noon?"), "tail printed: \(tailed.stdout)")
    }

    @Test func rosterListsContactsWithPresence() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("roster")
        let output = try natter(["roster", "--server", server.url], user: "alice", home: home)
        #expect(output.status == 0, "roster failed: \(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(Set(lines.compactMap(\.first)) == ["bob@natter.test", "carol@natter.test", "dave@natter.test"])
        let presences = Set(["online", "busy", "away", "extended away", "offline"])
        #expect(lines.allSatisfy { $0.count >= 3 && presences.contains($0[2]) })
    }

    @Test func wrongPasswordIsAClearErrorNotARetryLoop() throws {
        let server = try NatterdProcess()
        let home = try TestProcess.temporaryDirectory("badpass")
        let output = try natter(
            ["roster", "--server", server.url], user: "alice", password: "nope", home: home, timeout: 20)
        #expect(output.status != 0)
        #expect(output.stderr.contains("wrong user name or password"), "stderr: \(output.stderr)")
    }

    @Test func deadServerIsAClearError() throws {
        let home = try TestProcess.temporaryDirectory("dead")
        let port = TestProcess.freePort()
        let output = try natter(
            ["send", "--server", "http://127.0.0.1:\(port)", "--to", "bob", "hello?"], user: "alice", home: home,
            timeout: 20)
        #expect(output.status != 0)
        #expect(output.stderr.contains("cannot reach the server"), "stderr: \(output.stderr)")
    }

    @Test func plaintextPasswordInConfigIsRefused() throws {
        let home = try TestProcess.temporaryDirectory("config")
        try FileManager.default.createDirectory(atPath: home + "/natter", withIntermediateDirectories: true)
        try "server = \"http://127.0.0.1:1\"\npassword = \"hunter2\"\n".write(
            toFile: home + "/natter/config.toml", atomically: true, encoding: .utf8)
        let output = try natter(["roster"], user: "alice", home: home, timeout: 20)
        #expect(output.status != 0)
        #expect(output.stderr.contains("contains a password"), "stderr: \(output.stderr)")
    }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    static func detachNewThreadWithResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> ThreadResult<T> {
        let result = ThreadResult<T>()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

final class ThreadResult<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    func set(_ value: T) {
        lock.withLock { self.value = value }
        done.signal()
    }

    func wait() -> T? {
        done.wait()
        return lock.withLock { value }
    }
}
