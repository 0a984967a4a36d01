import Foundation
import Testing

/// `/presence away lunch` typed in a real terminal, seen by a peer's `natter roster` through a real natterd, and
/// said again after the server comes back.
@Suite(.serialized, .terminalSlot) struct PresenceStatusEndToEndTests {
    private func rosterLine(of jid: String, server: NatterdProcess, home: String) throws -> [String] {
        let output = try TestProcess.run(
            TestProcess.binary("natter"), ["roster", "--server", server.url, "--user", "bob"],
            environment: ["NATTER_PASSWORD": "bob", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home], timeout: 30)
        #expect(output.status == 0, "roster failed: \(output.stderr)")
        let line = output.stdout.split(separator: "\n").first { $0.hasPrefix(jid + "\t") }
        return line.map { $0.split(separator: "\t").map(String.init) } ?? []
    }

    @Test func statusTextReachesPeersAndSurvivesAReconnect() throws {
        let directory = try TestProcess.temporaryDirectory("status")
        var server = try NatterdProcess(directory: directory, arguments: ["--no-demo-peer"])
        let port = server.port
        let home = try TestProcess.temporaryDirectory("status-home")
        let alice = try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user alice",
            environment: [
                "NATTER_PASSWORD": "alice", "XDG_DATA_HOME": "\(home)/alice", "XDG_CONFIG_HOME": "\(home)/alice",
            ])
        defer { alice.close() }
        #expect(try alice.waitFor("[online]").found)
        try alice.enter("/presence away lunch")
        let own = try alice.waitFor("away: lunch")
        #expect(own.found, "the status bar never showed alice's own status:\n\(own.screen)")

        var seen: [String] = []
        _ = try TestProcess.poll(timeout: 20, interval: 200_000) {
            seen = try rosterLine(of: "alice@natter.test", server: server, home: "\(home)/bob")
            return seen.count >= 4 && seen[3] == "lunch"
        }
        #expect(Array(seen.dropFirst(2)) == ["away", "lunch"], "bob's roster said: \(seen)")

        server.kill()
        #expect(try alice.waitFor("reconnecting in", timeout: 30).found)
        server = try NatterdProcess(port: port, directory: directory, arguments: ["--no-demo-peer"])
        #expect(try alice.waitFor("[online", timeout: 40).found)
        _ = try TestProcess.poll(timeout: 20, interval: 200_000) {
            seen = try rosterLine(of: "alice@natter.test", server: server, home: "\(home)/bob")
            return seen.count >= 4 && seen[3] == "lunch"
        }
        #expect(Array(seen.dropFirst(2)) == ["away", "lunch"], "after the reconnect bob's roster said: \(seen)")
    }
}
