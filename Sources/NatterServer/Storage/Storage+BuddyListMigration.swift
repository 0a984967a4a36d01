import Foundation
import GRDB

extension Storage {
    /// Replaces v1's `contact`/`contactGroup` (users only, groups as bare names) with the contact store's
    /// mailbox: groups with ids and ChangeKeys, contacts with any address, distribution groups. Existing
    /// rosters are carried over: each distinct group name becomes a group, each contact a persona.
    static func migrateToBuddyList(_ db: Database) throws {
        try db.create(table: "mailbox") { table in
            table.primaryKey("userID", .integer).references("user", onDelete: .cascade)
            table.column("imListMigrationCompleted", .boolean).notNull().defaults(to: false)
        }
        try db.create(table: "imGroup") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("ownerID", .integer).notNull().indexed().references("user", onDelete: .cascade)
            table.column("storeID", .text).notNull().unique()
            table.column("changeKey", .text).notNull()
            table.column("displayName", .text).notNull()
            table.column("kind", .text).notNull()
            table.column("isDefault", .boolean).notNull().defaults(to: false)
            // The directory group a distribution group follows; deleting it from the directory drops it here.
            table.column("roomID", .integer).references("room", onDelete: .cascade)
        }
        try db.execute(
            sql: "CREATE UNIQUE INDEX imGroup_owner_name ON imGroup (ownerID, displayName COLLATE NOCASE)")
        try db.create(table: "persona") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("ownerID", .integer).notNull().indexed().references("user", onDelete: .cascade)
            table.column("storeID", .text).notNull().unique()
            table.column("changeKey", .text).notNull()
            // Exactly one of the two: a user of this server (live presence) or a foreign address.
            table.column("userID", .integer).indexed().references("user", onDelete: .cascade)
            table.column("address", .text)
            table.column("displayName", .text)
            table.check(sql: "(userID IS NULL) <> (address IS NULL)")
        }
        try db.execute(
            sql: "CREATE UNIQUE INDEX persona_owner_user ON persona (ownerID, userID) WHERE userID IS NOT NULL")
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX persona_owner_address ON persona (ownerID, address COLLATE NOCASE)
                WHERE address IS NOT NULL
                """)
        try db.create(table: "imGroupMember") { table in
            table.column("groupID", .integer).notNull().references("imGroup", onDelete: .cascade)
            table.column("personaID", .integer).notNull().indexed().references("persona", onDelete: .cascade)
            table.primaryKey(["groupID", "personaID"])
        }

        var groupIDs: [Int64: [String: Int64]] = [:]
        let names = try Row.fetchAll(db, sql: "SELECT DISTINCT ownerID, name FROM contactGroup ORDER BY ownerID, name")
        for row in names {
            let owner: Int64 = row["ownerID"]
            let name: String = row["name"]
            try db.execute(
                sql: "INSERT INTO imGroup (ownerID, storeID, changeKey, displayName, kind) VALUES (?, ?, ?, ?, ?)",
                arguments: [owner, BuddyIDs.itemID(), BuddyIDs.changeKey(), name, BuddyGroup.Kind.normal.rawValue])
            groupIDs[owner, default: [:]][name] = db.lastInsertedRowID
        }
        var personaIDs: [[Int64]: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT ownerID, contactID, displayName FROM contact ORDER BY rowid") {
            let owner: Int64 = row["ownerID"]
            let contact: Int64 = row["contactID"]
            try db.execute(
                sql: "INSERT INTO persona (ownerID, storeID, changeKey, userID, displayName) VALUES (?, ?, ?, ?, ?)",
                arguments: [owner, BuddyIDs.itemID(), BuddyIDs.changeKey(), contact, row["displayName"]])
            personaIDs[[owner, contact]] = db.lastInsertedRowID
        }
        for row in try Row.fetchAll(db, sql: "SELECT ownerID, contactID, name FROM contactGroup") {
            let owner: Int64 = row["ownerID"]
            let contact: Int64 = row["contactID"]
            let name: String = row["name"]
            guard let group = groupIDs[owner]?[name], let persona = personaIDs[[owner, contact]] else { continue }
            try db.execute(
                sql: "INSERT INTO imGroupMember (groupID, personaID) VALUES (?, ?)", arguments: [group, persona])
        }
        try db.drop(table: "contactGroup")
        try db.drop(table: "contact")
    }
}

/// Opaque ids and ChangeKeys: random bytes in standard base64, as Exchange's are opaque base64 too.
enum BuddyIDs {
    /// 18 bytes: 24 characters without padding, and collisions as unlikely as a random UUID's.
    static func itemID() -> String { random(count: 18) }

    /// 9 bytes: 12 characters. Random rather than a counter, so a key never repeats after a delete.
    static func changeKey() -> String { random(count: 9) }

    /// A distribution group member who is not in QuickContacts has no persona row; its id names the user, so
    /// it is the same at every read and an edit naming it can find the user again.
    static func directoryMemberID(userID: Int64) -> String {
        var bytes = Array(directoryMemberMagic)
        withUnsafeBytes(of: userID.bigEndian) { bytes.append(contentsOf: $0) }
        return Data(bytes).base64EncodedString()
    }

    static func directoryMemberUserID(_ id: String) -> Int64? {
        guard let data = Data(base64Encoded: id), data.count == 12, data.prefix(4).elementsEqual(directoryMemberMagic)
        else { return nil }
        return data.suffix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
    }

    private static let directoryMemberMagic: [UInt8] = Array("NDGM".utf8)

    private static func random(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64EncodedString()
    }
}
