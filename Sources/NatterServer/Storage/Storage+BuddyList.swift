import Foundation
import GRDB

/// Reads of the buddy list (the contact store's mailbox); edits are in `Storage+BuddyListEdits.swift`.
extension Storage {
    public func buddyList(of owner: StoredUser) async throws -> BuddyList {
        try await pool.read { db in try Storage.buddyList(ownerID: owner.id, in: db) }
    }

    /// `owner`'s roster as the presence-carrying doors see it: the contacts that are users of this server,
    /// from QuickContacts and from distribution groups, with the names of their groups, sorted by name.
    public func contacts(of owner: StoredUser) async throws -> [StoredContact] {
        try await pool.read { db in
            let list = try Storage.buddyList(ownerID: owner.id, in: db)
            let groupNames = Dictionary(uniqueKeysWithValues: list.groups.map { ($0.id, $0.displayName) })
            let lastActive = try Storage.lastActive(ofContactsOf: owner.id, in: db)
            var byUser: [Int64: StoredContact] = [:]
            for contact in list.contacts {
                guard let user = contact.user else { continue }
                var entry =
                    byUser[user.id]
                    ?? StoredContact(user: user, nickname: nil, groups: [], lastActive: lastActive[user.id])
                if contact.inQuickContacts { entry.nickname = contact.nickname }
                entry.groups += contact.groupIDs.compactMap { groupNames[$0] }
                byUser[user.id] = entry
            }
            return byUser.values.map { contact in
                var contact = contact
                contact.groups = Array(Set(contact.groups)).sorted()
                return contact
            }.sorted { $0.displayName.localizedLowercase < $1.displayName.localizedLowercase }
        }
    }

    /// Names of users who list `user`, directly or through a distribution group: the audience for `user`'s
    /// presence.
    public func watchers(of user: StoredUser) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT owner.name FROM persona JOIN user AS owner ON owner.id = persona.ownerID
                    WHERE persona.userID = ?
                    UNION
                    SELECT owner.name FROM imGroup
                    JOIN roomMember ON roomMember.roomID = imGroup.roomID
                    JOIN user AS owner ON owner.id = imGroup.ownerID
                    WHERE roomMember.userID = ? AND imGroup.ownerID <> ?
                    ORDER BY 1
                    """, arguments: [user.id, user.id, user.id])
        }
    }

    static func buddyList(ownerID: Int64, in db: Database) throws -> BuddyList {
        let groupRows = try Row.fetchAll(
            db,
            sql: """
                SELECT imGroup.*, room.name AS roomName FROM imGroup LEFT JOIN room ON room.id = imGroup.roomID
                WHERE imGroup.ownerID = ? ORDER BY imGroup.id
                """, arguments: [ownerID])
        var groups = groupRows.map { row in
            BuddyGroup(
                id: row["storeID"], changeKey: row["changeKey"], displayName: row["displayName"],
                kind: BuddyGroup.Kind(rawValue: row["kind"]) ?? .normal, isDefault: row["isDefault"],
                distributionGroup: row["roomName"], memberIDs: [])
        }
        var groupIndex: [Int64: Int] = [:]
        for (index, row) in groupRows.enumerated() { groupIndex[row["id"]] = index }

        let personaRows = try Row.fetchAll(
            db,
            sql: """
                SELECT persona.id, persona.storeID, persona.changeKey, persona.userID, persona.address,
                       persona.displayName AS nickname, user.name, user.displayName
                FROM persona LEFT JOIN user ON user.id = persona.userID
                WHERE persona.ownerID = ? ORDER BY persona.id
                """, arguments: [ownerID])
        var contacts: [BuddyContact] = []
        var contactIndex: [Int64: Int] = [:]
        var userContact: [Int64: Int] = [:]
        for row in personaRows {
            let userID: Int64? = row["userID"]
            let target: BuddyContact.Target =
                if let userID {
                    .user(StoredUser(id: userID, name: row["name"], displayName: row["displayName"]))
                } else {
                    .foreign(row["address"])
                }
            contactIndex[row["id"]] = contacts.count
            if let userID { userContact[userID] = contacts.count }
            contacts.append(
                BuddyContact(
                    id: row["storeID"], changeKey: row["changeKey"], target: target, nickname: row["nickname"],
                    groupIDs: [], inQuickContacts: true))
        }

        let memberships = try Row.fetchAll(
            db,
            sql: """
                SELECT imGroupMember.groupID, imGroupMember.personaID FROM imGroupMember
                JOIN imGroup ON imGroup.id = imGroupMember.groupID
                WHERE imGroup.ownerID = ? ORDER BY imGroupMember.rowid
                """, arguments: [ownerID])
        for row in memberships {
            guard let group = groupIndex[row["groupID"]], let contact = contactIndex[row["personaID"]] else { continue }
            groups[group].memberIDs.append(contacts[contact].id)
            contacts[contact].groupIDs.append(groups[group].id)
        }

        // A distribution group's members come from the directory at every read, so the list follows it.
        let directoryMembers = try Row.fetchAll(
            db,
            sql: """
                SELECT imGroup.id AS groupID, user.id, user.name, user.displayName FROM imGroup
                JOIN roomMember ON roomMember.roomID = imGroup.roomID
                JOIN user ON user.id = roomMember.userID
                WHERE imGroup.ownerID = ? AND imGroup.kind = ? AND user.id <> ?
                ORDER BY imGroup.id, user.name
                """, arguments: [ownerID, BuddyGroup.Kind.distribution.rawValue, ownerID])
        for row in directoryMembers {
            guard let group = groupIndex[row["groupID"]] else { continue }
            let user = StoredUser(row: row)
            let contact: Int
            if let existing = userContact[user.id] {
                contact = existing
            } else {
                contact = contacts.count
                userContact[user.id] = contact
                contacts.append(
                    BuddyContact(
                        id: BuddyIDs.directoryMemberID(userID: user.id), changeKey: groups[group].changeKey,
                        target: .user(user), nickname: nil, groupIDs: [], inQuickContacts: false))
            }
            groups[group].memberIDs.append(contacts[contact].id)
            contacts[contact].groupIDs.append(groups[group].id)
        }

        let completed =
            try Bool.fetchOne(
                db, sql: "SELECT imListMigrationCompleted FROM mailbox WHERE userID = ?", arguments: [ownerID]) ?? false
        return BuddyList(groups: groups, contacts: contacts, migrationCompleted: completed)
    }

    private static func lastActive(ofContactsOf ownerID: Int64, in db: Database) throws -> [Int64: Date] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT user.id, COALESCE((SELECT MAX(lastUsedAt) FROM session WHERE session.userID = user.id),
                                         user.lastActiveAt) AS lastActive
                FROM user WHERE user.id IN (
                    SELECT userID FROM persona WHERE ownerID = ? AND userID IS NOT NULL
                    UNION SELECT roomMember.userID FROM imGroup JOIN roomMember ON roomMember.roomID = imGroup.roomID
                    WHERE imGroup.ownerID = ?)
                """, arguments: [ownerID, ownerID])
        var result: [Int64: Date] = [:]
        for row in rows {
            if let seconds: Double = row["lastActive"] { result[row["id"]] = Date(timeIntervalSince1970: seconds) }
        }
        return result
    }
}
