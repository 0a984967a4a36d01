import Foundation
import Testing

/// The gateways window in a real terminal, over two natterd processes: alice registers her gateway onto bob's
/// account at B from the TUI, and the open view follows the bridge by itself — online, then, once B is killed,
/// a retry countdown that ticks down — with nothing typed after `/gateways` and the password.
@Suite(.serialized, .terminalSlot) struct GatewayViewTUITests {
    /// The view's row for service `b`, once it shows bob's registration.
    static func serviceRow(in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { line in
            line.contains("  b  ") && line.contains(" bob ")
        }
    }

    /// `12` from `… retry in 12 s`.
    static func countdown(in row: String) -> Int? {
        guard let range = row.range(of: "retry in ") else { return nil }
        return Int(row[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func theViewFollowsTheBridgeOnlineThenCountsDownToTheNextConnect() throws {
        let serverB = try NatterdProcess(arguments: ["--no-demo-peer"])
        let serverA = try NatterdProcess(arguments: ["--no-demo-peer", "--gateway", "b=\(serverB.url)"])
        defer { serverA.stop() }

        let home = try TestProcess.temporaryDirectory("tui-gateways")
        let alice = try TmuxTerminal.rosterAccount("alice", serverURL: serverA.url, home: home)
        defer { alice.close() }
        #expect(try alice.waitFor("online").found)

        try alice.enter("/gateways")
        let listed = try alice.waitFor("not registered — /gateway reg b NAME")
        try #require(listed.found, "the view never listed service b:\n\(listed.screen)")
        #expect(listed.screen.contains("SERVICE"))
        #expect(listed.screen.contains(":gateways"), "the window list must name the view:\n\(listed.screen)")

        try alice.enter("/gateway reg b bob")
        let prompt = try alice.waitFor("password for bob at gateway b")
        try #require(prompt.found, "no password prompt:\n\(prompt.screen)")
        try alice.enter("bob")

        var screen = ""
        let online = try TestProcess.poll(timeout: 45, interval: 100_000) {
            screen = try alice.screen()
            return Self.serviceRow(in: screen)?.trimmingCharacters(in: .whitespaces).hasSuffix("online") == true
        }
        try #require(online, "the view never showed b online:\n\(screen)")
        #expect(screen.contains("Gateways"), "the view must still be on screen:\n\(screen)")

        // B goes away: the bridge backs off, and the countdown it reports ticks down in the view. Backoff waits
        // only grow, so a smaller number seen later can only be the view's own ticking.
        serverB.kill()
        var seen: [Int] = []
        let ticked = try TestProcess.poll(timeout: 60, interval: 100_000) {
            screen = try alice.screen()
            guard let row = Self.serviceRow(in: screen), row.contains("trying to connect"),
                let seconds = Self.countdown(in: row)
            else { return false }
            if seen.last != seconds { seen.append(seconds) }
            return seen.count >= 2 && seen[seen.count - 1] < seen[seen.count - 2] && seconds > 0
        }
        #expect(ticked, "the countdown never ticked down in the view (seen \(seen)):\n\(screen)")
        #expect(screen.contains("Gateways"), "nothing typed, so the view must still be on screen:\n\(screen)")
    }
}
