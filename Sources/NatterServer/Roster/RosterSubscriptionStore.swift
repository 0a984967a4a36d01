import Foundation
import GRDB

/// The door's subscription rows and the buddy-list edits IMSubscribe and IMAuthorizeSubscribe make.
protocol RosterSubscriptionStore: Sendable {
    func allSubscriptions() async throws -> [(owner: String, contact: String, entry: RosterSubscriptionBook.Entry)]
    /// Writes or (with `nil`) deletes the row of the pair.
    func setSubscription(_ entry: RosterSubscriptionBook.Entry?, owner: StoredUser, contact: StoredUser) async throws
    /// Lists `contact` on `owner`'s buddy list under `name` in exactly `groups` (made when missing).
    func listContact(_ contact: StoredUser, owner: StoredUser, name: String?, groups: [String]) async throws
    /// Takes `contact` off `owner`'s buddy list; nothing happens when it is not there.
    func unlistContact(_ contact: StoredUser, owner: StoredUser) async throws
}

extension RosterMigrations {
    static let subscriptions = StorageMigration(identifier: "roster-v3-subscriptions") { db in
        try db.create(table: "rosterSubscription") { table in
            table.column("ownerID", .integer).notNull().references("user", onDelete: .cascade)
            table.column("contactID", .integer).notNull().indexed().references("user", onDelete: .cascade)
            table.column("granted", .boolean).notNull()
            table.column("asking", .boolean).notNull()
            table.primaryKey(["ownerID", "contactID"])
        }
    }
}

extension Storage: RosterSubscriptionStore {
    func allSubscriptions() async throws -> [(owner: String, contact: String, entry: RosterSubscriptionBook.Entry)] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT owner.name AS owner, contact.name AS contact, granted, asking FROM rosterSubscription
                    JOIN user AS owner ON owner.id = ownerID JOIN user AS contact ON contact.id = contactID
                    """
            ).map {
                (owner: $0["owner"], contact: $0["contact"], entry: .init(granted: $0["granted"], asking: $0["asking"]))
            }
        }
    }

    func setSubscription(_ entry: RosterSubscriptionBook.Entry?, owner: StoredUser, contact: StoredUser) async throws {
        try await pool.write { db in
            if let entry {
                try db.execute(
                    sql: """
                        INSERT INTO rosterSubscription (ownerID, contactID, granted, asking) VALUES (?, ?, ?, ?)
                        ON CONFLICT (ownerID, contactID) DO UPDATE SET granted = excluded.granted,
                            asking = excluded.asking
                        """, arguments: [owner.id, contact.id, entry.granted, entry.asking])
            } else {
                try db.execute(
                    sql: "DELETE FROM rosterSubscription WHERE ownerID = ? AND contactID = ?",
                    arguments: [owner.id, contact.id])
            }
        }
    }

    func listContact(_ contact: StoredUser, owner: StoredUser, name: String?, groups: [String]) async throws {
        try await setContact(owner: owner.name, contact: contact.name, nickname: name, groups: groups)
    }

    func unlistContact(_ contact: StoredUser, owner: StoredUser) async throws {
        let list = try await buddyList(of: owner)
        for entry in list.contacts where entry.inQuickContacts && entry.user?.id == contact.id {
            try await removeContact(owner: owner, BuddyItemRef(id: entry.id))
        }
    }
}
