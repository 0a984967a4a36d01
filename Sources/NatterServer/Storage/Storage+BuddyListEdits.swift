import Foundation
import GRDB

/// Edits of the buddy list, one transaction each. Every edit gives the items it changes a new ChangeKey; a
/// reference carrying a ChangeKey that is no longer current is refused (`staleChangeKey`), as Exchange
/// refuses an update of an item that changed since it was read.
extension Storage {
    /// The name Exchange gives the group that takes contacts added without one.
    public static let defaultGroupName = "Other Contacts"

    /// How many contacts a QuickContacts folder holds at most (MS-OXWSCOS 3.1.4.4).
    public static let contactLimit = 1000

    public func addGroup(owner: StoredUser, displayName: String) async throws -> BuddyGroup {
        try await pool.write { db in
            let id = try Storage.insertGroup(ownerID: owner.id, displayName: displayName, kind: .normal, in: db)
            return try Storage.readGroup(id, ownerID: owner.id, in: db)
        }
    }

    public func renameGroup(
        owner: StoredUser, _ group: BuddyItemRef, to displayName: String
    ) async throws
        -> BuddyGroup
    {
        try await pool.write { db in
            let row = try Storage.groupRow(group, ownerID: owner.id, in: db)
            if try Storage.groupNamed(displayName, ownerID: owner.id, in: db).map({ $0 != row["id"] }) ?? false {
                throw BuddyListError.duplicateGroupName(displayName)
            }
            try db.execute(
                sql: "UPDATE imGroup SET displayName = ?, changeKey = ? WHERE id = ?",
                arguments: [displayName, BuddyIDs.changeKey(), row["id"]])
            return try Storage.readGroup(group.id, ownerID: owner.id, in: db)
        }
    }

    /// Removes a user group and every contact that was in that group alone (MS-OXWSCOS 3.1.4.10).
    /// Returns the ids of the contacts removed with it.
    @discardableResult
    public func removeGroup(owner: StoredUser, _ group: BuddyItemRef) async throws -> [String] {
        try await pool.write { db in
            let row = try Storage.groupRow(group, ownerID: owner.id, in: db, kind: .normal)
            let groupID: Int64 = row["id"]
            let orphans = try Row.fetchAll(
                db,
                sql: """
                    SELECT persona.id, persona.storeID FROM imGroupMember JOIN persona ON persona.id = imGroupMember.personaID
                    WHERE imGroupMember.groupID = ? AND NOT EXISTS (
                        SELECT 1 FROM imGroupMember AS other
                        WHERE other.personaID = persona.id AND other.groupID <> imGroupMember.groupID)
                    """, arguments: [groupID])
            try db.execute(sql: "DELETE FROM imGroup WHERE id = ?", arguments: [groupID])
            for orphan in orphans {
                try db.execute(sql: "DELETE FROM persona WHERE id = ?", arguments: [orphan["id"]])
            }
            return orphans.map { $0["storeID"] }
        }
    }

    /// Adds a contact to QuickContacts and to `group` (the default group when `nil`). A contact already
    /// listed is left as it is and returned with `added == false`.
    public func addContact(
        owner: StoredUser, address: BuddyAddress, nickname: String?, group: BuddyItemRef?,
        limit: Int = Storage.contactLimit
    ) async throws -> (contact: BuddyContact, added: Bool) {
        try await pool.write { db in
            if let existing = try Storage.personaID(address, ownerID: owner.id, in: db) {
                return (try Storage.readContact(existing, ownerID: owner.id, in: db), false)
            }
            let count = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM persona WHERE ownerID = ?", arguments: [owner.id])
            if (count ?? 0) >= limit { throw BuddyListError.contactLimitReached(limit) }
            let groupID = try Storage.targetGroup(group, ownerID: owner.id, in: db)
            let personaID = try Storage.insertPersona(address, nickname: nickname, ownerID: owner.id, in: db)
            try Storage.addMember(personaID, to: groupID, in: db)
            return (try Storage.readContact(personaID, ownerID: owner.id, in: db), true)
        }
    }

    /// Adds a listed contact to `group` (the default group when `nil`); nothing happens when it is there.
    /// A distribution group's member joins QuickContacts on the way.
    public func addContactToGroup(owner: StoredUser, _ contact: BuddyItemRef, group: BuddyItemRef?) async throws {
        try await pool.write { db in
            let personaID = try Storage.personaRowID(contact, ownerID: owner.id, in: db, materialize: true)
            let groupID = try Storage.targetGroup(group, ownerID: owner.id, in: db)
            try Storage.addMember(personaID, to: groupID, in: db)
        }
    }

    /// Takes a contact out of one group; it stays in QuickContacts (shown under "Other Contacts" when in none).
    public func removeContactFromGroup(owner: StoredUser, _ contact: BuddyItemRef, group: BuddyItemRef) async throws {
        try await pool.write { db in
            let personaID = try Storage.personaRowID(contact, ownerID: owner.id, in: db, materialize: false)
            let groupID: Int64 = try Storage.groupRow(group, ownerID: owner.id, in: db, kind: .normal)["id"]
            try db.execute(
                sql: "DELETE FROM imGroupMember WHERE groupID = ? AND personaID = ?", arguments: [groupID, personaID])
            guard db.changesCount > 0 else { throw BuddyListError.notInGroup(contact: contact.id, group: group.id) }
            try Storage.touchGroup(groupID, in: db)
        }
    }

    /// Removes a contact from QuickContacts and from every group (MS-OXWSCOS 3.1.4.7).
    public func removeContact(owner: StoredUser, _ contact: BuddyItemRef) async throws {
        try await pool.write { db in
            let personaID = try Storage.personaRowID(contact, ownerID: owner.id, in: db, materialize: false)
            for groupID in try Int64.fetchAll(
                db, sql: "SELECT groupID FROM imGroupMember WHERE personaID = ?", arguments: [personaID])
            {
                try Storage.touchGroup(groupID, in: db)
            }
            try db.execute(sql: "DELETE FROM persona WHERE id = ?", arguments: [personaID])
        }
    }

    /// Lists the directory's distribution group `name` under `displayName`. It never creates a directory
    /// group; adding one already listed returns the listed group.
    public func addDistributionGroup(owner: StoredUser, name: String, displayName: String) async throws -> BuddyGroup {
        try await pool.write { db in
            guard
                let roomID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM room WHERE name = ? AND kind = ?",
                    arguments: [name.lowercased(), StoredRoom.Kind.distribution.rawValue])
            else { throw BuddyListError.unknownDistributionGroup(name) }
            if let existing = try String.fetchOne(
                db, sql: "SELECT storeID FROM imGroup WHERE ownerID = ? AND roomID = ?", arguments: [owner.id, roomID])
            {
                return try Storage.readGroup(existing, ownerID: owner.id, in: db)
            }
            let id = try Storage.insertGroup(
                ownerID: owner.id, displayName: displayName, kind: .distribution, roomID: roomID, in: db)
            return try Storage.readGroup(id, ownerID: owner.id, in: db)
        }
    }

    public func removeDistributionGroup(owner: StoredUser, _ group: BuddyItemRef) async throws {
        try await pool.write { db in
            let row = try Storage.groupRow(group, ownerID: owner.id, in: db, kind: .distribution)
            try db.execute(sql: "DELETE FROM imGroup WHERE id = ?", arguments: [row["id"]])
        }
    }

    public func setMigrationCompleted(owner: StoredUser, _ completed: Bool) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO mailbox (userID, imListMigrationCompleted) VALUES (?, ?)
                    ON CONFLICT (userID) DO UPDATE SET imListMigrationCompleted = excluded.imListMigrationCompleted
                    """, arguments: [owner.id, completed])
        }
    }

    /// Lists the user `contact` under `nickname` in exactly the groups named `groups` (made when missing):
    /// the demo seed's and the tests' shorthand for a series of contact store edits.
    public func setContact(
        owner: String, contact: String, nickname: String? = nil, groups: [String] = []
    ) async throws {
        try await pool.write { db in
            let ownerUser = try Storage.requireUser(named: owner, in: db)
            let contactUser = try Storage.requireUser(named: contact, in: db)
            let address = BuddyAddress.user(contactUser.name)
            let personaID: Int64
            if let existing = try Storage.personaID(address, ownerID: ownerUser.id, in: db) {
                personaID = existing
                try db.execute(
                    sql: "UPDATE persona SET displayName = ?, changeKey = ? WHERE id = ?",
                    arguments: [nickname, BuddyIDs.changeKey(), personaID])
                for groupID in try Int64.fetchAll(
                    db, sql: "SELECT groupID FROM imGroupMember WHERE personaID = ?", arguments: [personaID])
                {
                    try Storage.touchGroup(groupID, in: db)
                }
                try db.execute(sql: "DELETE FROM imGroupMember WHERE personaID = ?", arguments: [personaID])
            } else {
                personaID = try Storage.insertPersona(address, nickname: nickname, ownerID: ownerUser.id, in: db)
            }
            for name in Set(groups).sorted() {
                let groupID =
                    try Storage.groupNamed(name, ownerID: ownerUser.id, in: db)
                    ?? Storage.rowID(
                        ofGroup: try Storage.insertGroup(
                            ownerID: ownerUser.id, displayName: name, kind: .normal, in: db),
                        in: db)
                try Storage.addMember(personaID, to: groupID, in: db)
            }
        }
    }
}
