import Foundation
import GRDB
import Testing

@testable import NatterServer

@Suite("Storage: the core buddy list (groups, contacts, distribution groups)")
struct BuddyListStorageTests {
    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("natter-buddies-\(UUID().uuidString).sqlite").path
    }

    private static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A storage on a real file with users jo, kim and lee, and the directory group `crew` of kim and lee.
    private static func makeStorage(path: String) async throws -> (Storage, jo: StoredUser) {
        let storage = try Storage(path: path, passwordCost: 4)
        let jo = try await storage.createUser(name: "jo", displayName: "Jo", password: "j")
        try await storage.createUser(name: "kim", displayName: "Kim", password: "k")
        try await storage.createUser(name: "lee", displayName: "Lee", password: "l")
        try await storage.createRoom(name: "crew", displayName: "Crew", kind: .distribution, members: ["kim", "lee"])
        return (storage, jo)
    }

    @Test func groupsHaveOpaqueIDsAndChangeKeysThatChangeOnEveryEdit() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let (storage, jo) = try await Self.makeStorage(path: path)
        defer { storage.close() }
        let group = try await storage.addGroup(owner: jo, displayName: "Work")
        #expect(Data(base64Encoded: group.id) != nil && Data(base64Encoded: group.changeKey) != nil)
        #expect(group.kind == .normal && !group.isDefault && group.memberIDs.isEmpty)
        await #expect(throws: BuddyListError.duplicateGroupName("work")) {
            try await storage.addGroup(owner: jo, displayName: "work")
        }
        let renamed = try await storage.renameGroup(owner: jo, BuddyItemRef(id: group.id), to: "Job")
        #expect(renamed.id == group.id && renamed.displayName == "Job")
        #expect(renamed.changeKey != group.changeKey)
        await #expect(throws: BuddyListError.staleChangeKey(group.id)) {
            try await storage.renameGroup(owner: jo, BuddyItemRef(id: group.id, changeKey: group.changeKey), to: "X")
        }
        let (kim, added) = try await storage.addContact(
            owner: jo, address: .user("kim"), nickname: nil, group: BuddyItemRef(id: group.id))
        #expect(added)
        let afterAdd = try #require(try await storage.buddyList(of: jo).group(id: group.id))
        #expect(afterAdd.memberIDs == [kim.id])
        #expect(afterAdd.changeKey != renamed.changeKey, "a membership change is a change of the group")
        await #expect(throws: BuddyListError.groupNotFound("AAAA")) {
            try await storage.renameGroup(owner: jo, BuddyItemRef(id: "AAAA"), to: "Y")
        }
    }

    @Test func contactsOfAnyAddressDefaultGroupAndLimit() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let (storage, jo) = try await Self.makeStorage(path: path)
        defer { storage.close() }
        let (outside, added) = try await storage.addContact(
            owner: jo, address: .foreign("pat@example.org"), nickname: "Pat", group: nil)
        #expect(added && outside.target == .foreign("pat@example.org") && outside.displayName == "Pat")
        let list = try await storage.buddyList(of: jo)
        let other = try #require(list.groups.first)
        #expect(other.displayName == Storage.defaultGroupName && other.isDefault)
        #expect(outside.groupIDs == [other.id])
        let (again, addedAgain) = try await storage.addContact(
            owner: jo, address: .foreign("PAT@example.org"), nickname: "Someone else", group: nil)
        #expect(!addedAgain && again == outside, "adding a listed contact does nothing")
        try await storage.addContact(owner: jo, address: .user("kim"), nickname: nil, group: nil, limit: 2)
        await #expect(throws: BuddyListError.contactLimitReached(2)) {
            try await storage.addContact(owner: jo, address: .user("lee"), nickname: nil, group: nil, limit: 2)
        }
        #expect(try await storage.buddyList(of: jo).contacts.count == 2, "a refused add writes nothing")
        #expect(try await storage.contacts(of: jo).map(\.user.name) == ["kim"], "only users of this server")
    }

    @Test func removeGroupTakesContactsThatWereInItAlone() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let (storage, jo) = try await Self.makeStorage(path: path)
        defer { storage.close() }
        let doomed = BuddyItemRef(id: try await storage.addGroup(owner: jo, displayName: "Doomed").id)
        let kept = BuddyItemRef(id: try await storage.addGroup(owner: jo, displayName: "Kept").id)
        let kim = try await storage.addContact(owner: jo, address: .user("kim"), nickname: nil, group: doomed).contact
        let lee = try await storage.addContact(owner: jo, address: .user("lee"), nickname: nil, group: doomed).contact
        try await storage.addContactToGroup(owner: jo, BuddyItemRef(id: lee.id), group: kept)
        let loner = try await storage.addContact(owner: jo, address: .foreign("x@y.z"), nickname: nil, group: kept)
        try await storage.removeContactFromGroup(owner: jo, BuddyItemRef(id: loner.contact.id), group: kept)

        let removed = try await storage.removeGroup(owner: jo, doomed)
        #expect(removed == [kim.id])
        let list = try await storage.buddyList(of: jo)
        #expect(list.groups.map(\.displayName) == ["Kept"])
        #expect(Set(list.contacts.map(\.id)) == [lee.id, loner.contact.id], "a contact in no group is not an orphan")
        #expect(list.contact(id: lee.id)?.groupIDs == [kept.id])
    }

    @Test func removeContactFromEveryGroupAndNotInGroupError() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let (storage, jo) = try await Self.makeStorage(path: path)
        defer { storage.close() }
        let one = BuddyItemRef(id: try await storage.addGroup(owner: jo, displayName: "One").id)
        let two = BuddyItemRef(id: try await storage.addGroup(owner: jo, displayName: "Two").id)
        let kim = try await storage.addContact(owner: jo, address: .user("kim"), nickname: "K", group: one).contact
        try await storage.addContactToGroup(owner: jo, BuddyItemRef(id: kim.id), group: two)
        try await storage.addContactToGroup(owner: jo, BuddyItemRef(id: kim.id), group: two)
        #expect(try await storage.contacts(of: jo).first?.groups == ["One", "Two"])
        await #expect(throws: BuddyListError.staleChangeKey(kim.id)) {
            try await storage.removeContact(owner: jo, BuddyItemRef(id: kim.id, changeKey: "c3RhbGU="))
        }
        try await storage.removeContact(owner: jo, BuddyItemRef(id: kim.id, changeKey: kim.changeKey))
        let list = try await storage.buddyList(of: jo)
        #expect(list.contacts.isEmpty && list.groups.allSatisfy(\.memberIDs.isEmpty))
        await #expect(throws: BuddyListError.contactNotFound(kim.id)) {
            try await storage.removeContactFromGroup(owner: jo, BuddyItemRef(id: kim.id), group: one)
        }
        let lee = try await storage.addContact(owner: jo, address: .user("lee"), nickname: nil, group: one).contact
        await #expect(throws: BuddyListError.notInGroup(contact: lee.id, group: two.id)) {
            try await storage.removeContactFromGroup(owner: jo, BuddyItemRef(id: lee.id), group: two)
        }
    }

    @Test func distributionGroupsResolveTheDirectoryAndFollowIt() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let (storage, jo) = try await Self.makeStorage(path: path)
        defer { storage.close() }
        await #expect(throws: BuddyListError.unknownDistributionGroup("nowhere")) {
            try await storage.addDistributionGroup(owner: jo, name: "nowhere", displayName: "N")
        }
        let crew = try await storage.addDistributionGroup(owner: jo, name: "crew", displayName: "The Crew")
        #expect(crew.kind == .distribution && crew.distributionGroup == "crew" && crew.memberIDs.count == 2)
        #expect(try await storage.addDistributionGroup(owner: jo, name: "CREW", displayName: "Again") == crew)
        let list = try await storage.buddyList(of: jo)
        #expect(list.contacts.map(\.displayName) == ["Kim", "Lee"])
        #expect(list.contacts.allSatisfy { !$0.inQuickContacts && $0.groupIDs == [crew.id] })
        let kim = try #require(try await storage.user(named: "kim"))
        #expect(try await storage.watchers(of: kim) == ["jo"], "a distribution group's members are watched")
        #expect(try await storage.contacts(of: jo).map(\.groups) == [["The Crew"], ["The Crew"]])

        // Filing a directory member in a group of one's own puts it in QuickContacts.
        let own = BuddyItemRef(id: try await storage.addGroup(owner: jo, displayName: "Own").id)
        try await storage.addContactToGroup(owner: jo, BuddyItemRef(id: list.contacts[0].id), group: own)
        let filed = try await storage.buddyList(of: jo)
        #expect(filed.contacts.filter(\.inQuickContacts).map(\.displayName) == ["Kim"])
        #expect(try await storage.contacts(of: jo).first?.groups == ["Own", "The Crew"])

        await #expect(throws: BuddyListError.wrongGroupKind(crew.id)) {
            try await storage.removeGroup(owner: jo, BuddyItemRef(id: crew.id))
        }
        try await storage.removeDistributionGroup(owner: jo, BuddyItemRef(id: crew.id))
        #expect(try await storage.buddyList(of: jo).contacts.map(\.displayName) == ["Kim"])
        #expect(try await storage.watchers(of: try #require(try await storage.user(named: "lee"))).isEmpty)
    }

    @Test func listSurvivesReopeningTheFile() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let before: BuddyList
        do {
            let (storage, jo) = try await Self.makeStorage(path: path)
            let group = BuddyItemRef(id: try await storage.addGroup(owner: jo, displayName: "Work").id)
            try await storage.addContact(owner: jo, address: .foreign("pat@example.org"), nickname: nil, group: group)
            try await storage.addDistributionGroup(owner: jo, name: "crew", displayName: "Crew")
            try await storage.setMigrationCompleted(owner: jo, true)
            before = try await storage.buddyList(of: jo)
            storage.close()
        }
        let reopened = try Storage(path: path, passwordCost: 4)
        defer { reopened.close() }
        let jo = try #require(try await reopened.user(named: "jo"))
        let after = try await reopened.buddyList(of: jo)
        #expect(after == before)
        #expect(after.migrationCompleted)
    }

    @Test func migratesV1RostersIntoGroupsAndPersonas() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try Storage.migrator.migrate(queue, upTo: "v3-user-last-active")
            try await queue.write { db in
                for (id, name) in [(1, "jo"), (2, "kim"), (3, "lee")] {
                    try db.execute(
                        sql:
                            "INSERT INTO user (id, name, displayName, passwordHash, createdAt) VALUES (?, ?, ?, 'x', 0)",
                        arguments: [id, name, name.capitalized])
                }
                try db.execute(sql: "INSERT INTO contact VALUES (1, 2, 'Kimmy'), (1, 3, NULL), (2, 1, NULL)")
                try db.execute(
                    sql: "INSERT INTO contactGroup VALUES (1, 2, 'Friends'), (1, 2, 'Team'), (1, 3, 'Team')")
            }
            try queue.close()
        }
        let storage = try Storage(path: path, passwordCost: 4)
        defer { storage.close() }
        let jo = try #require(try await storage.user(named: "jo"))
        let list = try await storage.buddyList(of: jo)
        #expect(list.groups.map(\.displayName) == ["Friends", "Team"])
        #expect(list.contacts.map(\.displayName) == ["Kimmy", "Lee"])
        #expect(list.groups[1].memberIDs == list.contacts.map(\.id))
        let contacts = try await storage.contacts(of: jo)
        #expect(contacts.map(\.groups) == [["Friends", "Team"], ["Team"]])
        let kim = try #require(try await storage.user(named: "kim"))
        #expect(try await storage.contacts(of: kim).map(\.user.name) == ["jo"])
        #expect(try await storage.contacts(of: kim).first?.groups == [], "a contact in no group keeps none")
        #expect(try await storage.watchers(of: kim) == ["jo"])
    }
}
