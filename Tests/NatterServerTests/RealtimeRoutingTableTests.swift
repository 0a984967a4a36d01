import Foundation
import NatterProtocols
import Testing

@testable import NatterServer

@Suite("Realtime routing table (pure)")
struct RealtimeRoutingTableTests {
    private func id(_ value: Int) -> RealtimeConnectionID { RealtimeConnectionID(rawValue: value) }

    @Test func duplicateResourcesAreMadeUnique() {
        var table = RealtimeRoutingTable(domain: "natter.test")
        let first = table.add(id(1), user: "alice", resource: "tty", simulated: false, watchers: [])
        let second = table.add(id(2), user: "alice", resource: "tty", simulated: false, watchers: [])
        #expect(first.jid.description == "alice@natter.test/tty")
        #expect(second.jid.description == "alice@natter.test/tty-2")
    }

    @Test func presenceGoesOnlyToWatchersSessions() {
        var table = RealtimeRoutingTable(domain: "natter.test")
        _ = table.add(id(1), user: "alice", resource: "a", simulated: false, watchers: [])
        _ = table.add(id(2), user: "bob", resource: "b", simulated: false, watchers: [])
        _ = table.add(id(3), user: "carol", resource: "c", simulated: false, watchers: [])
        let deliveries = table.setPresence(id(1), .away, watchers: ["bob"], contacts: [], now: Date())
        #expect(
            deliveries == [
                RealtimeDelivery(
                    target: id(2),
                    message: .presenceChange(
                        RealtimePresence(from: "alice@natter.test/a", to: "bob@natter.test", presence: .away)))
            ])
        #expect(table.presence(of: "alice") == .away)
        #expect(table.presence(of: "carol") == .unavailable)
    }

    @Test func aggregatePresencePrefersTheMostAvailableSession() {
        var table = RealtimeRoutingTable(domain: "natter.test")
        _ = table.add(id(1), user: "alice", resource: "a", simulated: false, watchers: [])
        _ = table.add(id(2), user: "alice", resource: "b", simulated: false, watchers: [])
        _ = table.setPresence(id(1), .xa, watchers: [], contacts: [], now: Date())
        _ = table.setPresence(id(2), .dnd, watchers: [], contacts: [], now: Date())
        #expect(table.presence(of: "alice") == .dnd)
    }

    @Test func removingTheLastRealSessionResumesTheSimulatedOne() {
        var table = RealtimeRoutingTable(domain: "natter.test")
        _ = table.add(id(1), user: "carol", resource: "demo", simulated: true, watchers: [])
        _ = table.setPresence(id(1), .available, watchers: [], contacts: [], now: Date())
        _ = table.add(id(2), user: "alice", resource: "a", simulated: false, watchers: [])
        let takeover = table.add(id(3), user: "carol", resource: "real", simulated: false, watchers: ["alice"])
        #expect(takeover.deliveries.map(\.target) == [id(2)])
        #expect(!table.isActive(id(1)) && table.isActive(id(3)))
        // A dormant simulated session's presence reaches nobody.
        #expect(table.setPresence(id(1), .dnd, watchers: ["alice"], contacts: [], now: Date()).isEmpty)
        let removal = table.remove(id(3), watchers: ["alice"], now: Date())
        #expect(removal.resumed == id(1))
        #expect(removal.deliveries.isEmpty, "the real carol never announced a presence")
    }
}
