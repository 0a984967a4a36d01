import Foundation
import NatterModel
import Testing

@testable import NatterServer

@Suite("Hub routing table (pure)")
struct HubRoutingTableTests {
    private func id(_ value: Int) -> HubSessionID { HubSessionID(rawValue: value) }

    private func presence(_ from: String, _ presence: Presence, to: String) -> HubEvent {
        .presence(PresenceEvent(from: JID(from)!, to: JID(to)!, presence: presence))
    }

    @Test func duplicateResourcesAreMadeUnique() {
        var table = RoutingTable(domain: "natter.test")
        let first = table.add(id(1), user: "alice", resource: "tty", simulated: false, watchers: [])
        let second = table.add(id(2), user: "alice", resource: "tty", simulated: false, watchers: [])
        #expect(first.jid.description == "alice@natter.test/tty")
        #expect(second.jid.description == "alice@natter.test/tty-2")
    }

    @Test func presenceGoesOnlyToWatchersSessions() {
        var table = RoutingTable(domain: "natter.test")
        _ = table.add(id(1), user: "alice", resource: "a", simulated: false, watchers: [])
        _ = table.add(id(2), user: "bob", resource: "b", simulated: false, watchers: [])
        _ = table.add(id(3), user: "carol", resource: "c", simulated: false, watchers: [])
        let deliveries = table.setPresence(id(1), .away, watchers: ["bob"], contacts: [], now: Date())
        #expect(
            deliveries == [
                HubDelivery(target: id(2), event: presence("alice@natter.test/a", .away, to: "bob@natter.test"))
            ])
        #expect(table.presence(of: "alice") == .away)
        #expect(table.presence(of: "carol") == .unavailable)
    }

    @Test func theLatestPresenceOfAnySessionSpeaksForTheUser() {
        var table = RoutingTable(domain: "natter.test")
        _ = table.add(id(1), user: "alice", resource: "a", simulated: false, watchers: [])
        _ = table.add(id(2), user: "alice", resource: "b", simulated: false, watchers: [])
        _ = table.setPresence(id(1), .available, watchers: [], contacts: [], now: Date())
        _ = table.setPresence(id(2), .dnd, watchers: [], contacts: [], now: Date())
        #expect(table.presence(of: "alice") == .dnd, "a later dnd is not hidden by an earlier available")
    }

    @Test func aSessionLeavingRevealsThePresenceOfTheOthers() {
        var table = RoutingTable(domain: "natter.test")
        _ = table.add(id(1), user: "bob", resource: "tui", simulated: false, watchers: [])
        _ = table.add(id(2), user: "bob", resource: "roster", simulated: false, watchers: [])
        _ = table.add(id(3), user: "alice", resource: "a", simulated: false, watchers: [])
        _ = table.setPresence(id(1), .dnd, watchers: ["alice"], contacts: [], now: Date())
        let announced = table.setPresence(id(2), .available, watchers: ["alice"], contacts: [], now: Date())
        #expect(
            announced == [
                HubDelivery(
                    target: id(3), event: presence("bob@natter.test/roster", .available, to: "alice@natter.test"))
            ])
        // Setting the presence the user already shows changes nothing for watchers.
        #expect(table.setPresence(id(1), .available, watchers: ["alice"], contacts: [], now: Date()).isEmpty)
        _ = table.setPresence(id(1), .dnd, watchers: ["alice"], contacts: [], now: Date())
        _ = table.setPresence(id(2), .available, watchers: ["alice"], contacts: [], now: Date())

        let removal = table.remove(id(2), watchers: ["alice"], now: Date())
        #expect(
            removal.deliveries == [
                HubDelivery(target: id(3), event: presence("bob@natter.test/tui", .dnd, to: "alice@natter.test"))
            ])
        #expect(table.presence(of: "bob") == .dnd)
        let last = table.remove(id(1), watchers: ["alice"], now: Date())
        #expect(
            last.deliveries == [
                HubDelivery(
                    target: id(3), event: presence("bob@natter.test/tui", .unavailable, to: "alice@natter.test"))
            ])
    }

    @Test func aUserLeavesARoomWithItsLastSessionThere() {
        var table = RoutingTable(domain: "natter.test")
        let lounge = "lounge@natter.test"
        _ = table.add(id(1), user: "alice", resource: "a", simulated: false, watchers: [])
        _ = table.add(id(2), user: "bob", resource: "one", simulated: false, watchers: [])
        _ = table.add(id(3), user: "bob", resource: "two", simulated: false, watchers: [])
        _ = table.join(id(1), room: "lounge")
        #expect(table.join(id(2), room: "lounge").map(\.target) == [id(2), id(1)], "hears alice, alice hears bob")
        #expect(
            table.join(id(3), room: "lounge") == [
                HubDelivery(target: id(3), event: presence("alice@natter.test/a", .available, to: lounge)),
                HubDelivery(target: id(3), event: presence("bob@natter.test/one", .available, to: lounge)),
            ], "bob is already in the room, so nobody hears him again")
        _ = table.setPresence(id(3), .away, watchers: [], contacts: [], now: Date())
        #expect(table.leave(id(3), room: "lounge").isEmpty, "bob/one is still in the room and shows away")
        #expect(
            table.remove(id(2), watchers: [], now: Date()).deliveries == [
                HubDelivery(target: id(1), event: presence("bob@natter.test/one", .unavailable, to: lounge))
            ])
    }

    @Test func removingTheLastRealSessionResumesTheSimulatedOne() {
        var table = RoutingTable(domain: "natter.test")
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
        #expect(
            removal.deliveries == [
                HubDelivery(
                    target: id(2), event: presence("carol@natter.test/demo", .dnd, to: "alice@natter.test"))
            ],
            "the real carol never announced a presence; the simulated one speaks again")
    }
}
