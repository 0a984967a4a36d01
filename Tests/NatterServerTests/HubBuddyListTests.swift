import Foundation
import Logging
import NatterModel
import Testing

@testable import NatterServer

@Suite("Hub: buddy list changes reach the owner's sessions")
struct HubBuddyListTests {
    @Test func aChangeSendsTheRosterAndTheNewContactsPresence() async throws {
        let storage = try Storage(path: nil, passwordCost: 4)
        defer { storage.close() }
        try await DemoSeed.seedIfEmpty(storage, domain: "natter.test")
        let core = HubService(storage: storage, domain: "natter.test", clock: ManualClock(), logger: Logger(label: "t"))
        let alice = try #require(try await storage.user(named: "alice"))
        let dave = try #require(try await storage.user(named: "dave"))
        let (aliceRecorder, bobRecorder, daveRecorder) = (
            HubServiceTests.Recorder(), HubServiceTests.Recorder(), HubServiceTests.Recorder()
        )
        _ = try await core.attach(
            user: alice, resource: "r", id: await core.hub.makeSessionID(), subscriber: aliceRecorder)
        let bob = try #require(try await storage.user(named: "bob"))
        _ = try await core.attach(user: bob, resource: "r", id: await core.hub.makeSessionID(), subscriber: bobRecorder)
        let daveSession = try await core.attach(
            user: dave, resource: "r", id: await core.hub.makeSessionID(), subscriber: daveRecorder)
        try await core.setPresence(.available, for: daveSession)
        _ = aliceRecorder.take()
        _ = bobRecorder.take()

        let daveID = try #require(try await storage.buddyList(of: alice).contacts.first { $0.user == dave }).id
        try await storage.removeContact(owner: alice, BuddyItemRef(id: daveID))
        await core.buddyListChanged(of: alice)
        let afterRemove = aliceRecorder.take()
        #expect(afterRemove.count == 1)
        guard case .roster(let entries) = afterRemove.first else {
            Issue.record("expected a roster event, got \(afterRemove)")
            return
        }
        #expect(entries.map(\.jid.local) == ["bob", "carol"])
        #expect(bobRecorder.take().isEmpty, "only the owner's sessions hear of the owner's list")

        try await storage.addContact(owner: alice, address: .user("dave"), nickname: "D", group: nil, limit: 1000)
        await core.buddyListChanged(of: alice)
        let afterAdd = aliceRecorder.take()
        let expectedEntry = RosterEntry(
            jid: JID(local: "dave", domain: "natter.test"), name: "D", presence: .available,
            groups: [Storage.defaultGroupName])
        guard case .roster(let roster) = afterAdd.first else {
            Issue.record("expected a roster event first, got \(afterAdd)")
            return
        }
        #expect(roster.contains(expectedEntry))
        #expect(
            afterAdd.dropFirst().contains(
                .presence(
                    PresenceEvent(
                        from: JID(local: "dave", domain: "natter.test"), to: JID(local: "alice", domain: "natter.test"),
                        presence: .available))))
        #expect(try await core.watchers(of: dave).contains("alice"))
    }
}
