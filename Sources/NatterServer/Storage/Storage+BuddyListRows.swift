import Foundation
import GRDB

/// Row-level steps the buddy list's edits are made of; each runs inside the caller's transaction.
extension Storage {
    static func insertGroup(
        ownerID: Int64, displayName: String, kind: BuddyGroup.Kind, roomID: Int64? = nil, isDefault: Bool = false,
        in db: Database
    ) throws -> String {
        if try groupNamed(displayName, ownerID: ownerID, in: db) != nil {
            throw BuddyListError.duplicateGroupName(displayName)
        }
        let storeID = BuddyIDs.itemID()
        try db.execute(
            sql: """
                INSERT INTO imGroup (ownerID, storeID, changeKey, displayName, kind, isDefault, roomID)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [ownerID, storeID, BuddyIDs.changeKey(), displayName, kind.rawValue, isDefault, roomID])
        return storeID
    }

    static func readGroup(_ storeID: String, ownerID: Int64, in db: Database) throws -> BuddyGroup {
        guard let group = try buddyList(ownerID: ownerID, in: db).group(id: storeID) else {
            throw BuddyListError.groupNotFound(storeID)
        }
        return group
    }

    static func readContact(_ personaID: Int64, ownerID: Int64, in db: Database) throws -> BuddyContact {
        let storeID = try String.fetchOne(db, sql: "SELECT storeID FROM persona WHERE id = ?", arguments: [personaID])
        guard let storeID, let contact = try buddyList(ownerID: ownerID, in: db).contact(id: storeID) else {
            throw BuddyListError.contactNotFound("\(personaID)")
        }
        return contact
    }

    /// The owner's group `ref` names, checked for kind and ChangeKey.
    static func groupRow(
        _ ref: BuddyItemRef, ownerID: Int64, in db: Database, kind: BuddyGroup.Kind? = nil
    ) throws -> Row {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM imGroup WHERE storeID = ? AND ownerID = ?", arguments: [ref.id, ownerID])
        else { throw BuddyListError.groupNotFound(ref.id) }
        if let kind, row["kind"] != kind.rawValue { throw BuddyListError.wrongGroupKind(ref.id) }
        if let changeKey = ref.changeKey, changeKey != row["changeKey"] { throw BuddyListError.staleChangeKey(ref.id) }
        return row
    }

    static func groupNamed(_ name: String, ownerID: Int64, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM imGroup WHERE ownerID = ? AND displayName = ? COLLATE NOCASE",
            arguments: [ownerID, name])
    }

    static func rowID(ofGroup storeID: String, in db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM imGroup WHERE storeID = ?", arguments: [storeID])
        else { throw BuddyListError.groupNotFound(storeID) }
        return id
    }

    /// The group an add goes to: the named user group, or the default group, made when missing.
    static func targetGroup(_ ref: BuddyItemRef?, ownerID: Int64, in db: Database) throws -> Int64 {
        if let ref { return try groupRow(ref, ownerID: ownerID, in: db, kind: .normal)["id"] }
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM imGroup WHERE ownerID = ? AND isDefault", arguments: [ownerID])
        {
            return id
        }
        // A user group of that name (from an older roster) becomes the default rather than a duplicate.
        if let id = try groupNamed(defaultGroupName, ownerID: ownerID, in: db) {
            try db.execute(sql: "UPDATE imGroup SET isDefault = 1 WHERE id = ?", arguments: [id])
            return id
        }
        let storeID = try insertGroup(
            ownerID: ownerID, displayName: defaultGroupName, kind: .normal, isDefault: true, in: db)
        return try rowID(ofGroup: storeID, in: db)
    }

    static func personaID(_ address: BuddyAddress, ownerID: Int64, in db: Database) throws -> Int64? {
        switch address {
        case .user(let name):
            return try Int64.fetchOne(
                db,
                sql:
                    "SELECT persona.id FROM persona JOIN user ON user.id = persona.userID WHERE ownerID = ? AND user.name = ?",
                arguments: [ownerID, name])
        case .foreign(let address):
            return try Int64.fetchOne(
                db, sql: "SELECT id FROM persona WHERE ownerID = ? AND address = ? COLLATE NOCASE",
                arguments: [ownerID, address])
        }
    }

    static func insertPersona(
        _ address: BuddyAddress, nickname: String?, ownerID: Int64, in db: Database
    ) throws
        -> Int64
    {
        var userID: Int64?
        var foreign: String?
        switch address {
        case .user(let name): userID = try requireUser(named: name, in: db).id
        case .foreign(let address): foreign = address
        }
        try db.execute(
            sql:
                "INSERT INTO persona (ownerID, storeID, changeKey, userID, address, displayName) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [ownerID, BuddyIDs.itemID(), BuddyIDs.changeKey(), userID, foreign, nickname])
        return db.lastInsertedRowID
    }

    /// The persona `ref` names, checked for ChangeKey. With `materialize`, a distribution group member who is
    /// not in QuickContacts is added to it, as an edit that files such a member must.
    static func personaRowID(_ ref: BuddyItemRef, ownerID: Int64, in db: Database, materialize: Bool) throws -> Int64 {
        if let row = try Row.fetchOne(
            db, sql: "SELECT id, changeKey FROM persona WHERE storeID = ? AND ownerID = ?",
            arguments: [ref.id, ownerID])
        {
            if let changeKey = ref.changeKey, changeKey != row["changeKey"] {
                throw BuddyListError.staleChangeKey(ref.id)
            }
            return row["id"]
        }
        guard materialize, let userID = BuddyIDs.directoryMemberUserID(ref.id),
            let name = try String.fetchOne(
                db,
                sql: """
                    SELECT user.name FROM imGroup JOIN roomMember ON roomMember.roomID = imGroup.roomID
                    JOIN user ON user.id = roomMember.userID
                    WHERE imGroup.ownerID = ? AND user.id = ? AND user.id <> ?
                    """, arguments: [ownerID, userID, ownerID])
        else { throw BuddyListError.contactNotFound(ref.id) }
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM persona WHERE ownerID = ?", arguments: [ownerID]) ?? 0
            >= contactLimit
        {
            throw BuddyListError.contactLimitReached(contactLimit)
        }
        return try insertPersona(.user(name), nickname: nil, ownerID: ownerID, in: db)
    }

    static func addMember(_ personaID: Int64, to groupID: Int64, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO imGroupMember (groupID, personaID) VALUES (?, ?)",
            arguments: [groupID, personaID])
        if db.changesCount > 0 { try touchGroup(groupID, in: db) }
    }

    static func touchGroup(_ groupID: Int64, in db: Database) throws {
        try db.execute(
            sql: "UPDATE imGroup SET changeKey = ? WHERE id = ?", arguments: [BuddyIDs.changeKey(), groupID])
    }
}
