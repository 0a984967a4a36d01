import Foundation
import GRDB

/// The reads and writes only the Zimbra IM door needs, over its own tables and the core's messages.
protocol RosterStore: RosterGroupThreadStore, RosterSubscriptionStore {
    /// Every block entry, to fill `RosterBlocklist` once.
    func allBlocked() async throws -> [(owner: String, addr: String)]
    func setBlocked(_ addr: String, blocked: Bool, by owner: StoredUser) async throws
    /// Up to `limit` messages of the 1:1 conversation's page, oldest first, each with its place in the
    /// conversation (1 for the first message ever), and whether more follow in the page's direction.
    func directChat(
        between first: StoredUser, and second: StoredUser, page: RosterChatPage, limit: Int
    ) async throws -> (messages: [(seq: Int64, message: StoredMessage)], more: Bool)
}

/// The door's tables; identifiers are prefixed `roster-` (Door.migrations).
enum RosterMigrations {
    static let all: [StorageMigration] = [
        StorageMigration(identifier: "roster-v1-blocklist") { db in
            try db.create(table: "rosterBlocked") { table in
                table.column("ownerID", .integer).notNull().references("user", onDelete: .cascade)
                // A bare address or a domain, lower-cased.
                table.column("addr", .text).notNull()
                table.primaryKey(["ownerID", "addr"])
            }
        },
        threads,
        subscriptions,
    ]
}

extension Storage: RosterStore {
    func allBlocked() async throws -> [(owner: String, addr: String)] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT user.name, rosterBlocked.addr FROM rosterBlocked JOIN user ON user.id = ownerID"
            ).map { (owner: $0["name"], addr: $0["addr"]) }
        }
    }

    func setBlocked(_ addr: String, blocked: Bool, by owner: StoredUser) async throws {
        try await pool.write { db in
            if blocked {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO rosterBlocked (ownerID, addr) VALUES (?, ?)",
                    arguments: [owner.id, addr])
            } else {
                try db.execute(
                    sql: "DELETE FROM rosterBlocked WHERE ownerID = ? AND addr = ?", arguments: [owner.id, addr])
            }
        }
    }

    func directChat(
        between first: StoredUser, and second: StoredUser, page: RosterChatPage, limit: Int
    ) async throws -> (messages: [(seq: Int64, message: StoredMessage)], more: Bool) {
        let conversation = Storage.conversation(between: first, and: second)
        let (condition, bound, descending) = page.condition
        return try await pool.read { db in
            // Deleted messages keep their place, so a deletion never renumbers what a client already paged.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT numbered.*, ROW_NUMBER() OVER (ORDER BY numbered.id) AS seq
                        FROM (\(StoredMessage.selection) WHERE message.conversation = ?) AS numbered
                    ) WHERE \(condition) AND deleted = 0 ORDER BY seq \(descending ? "DESC" : "") LIMIT ?
                    """, arguments: [conversation, bound, limit + 1])
            let page = rows.prefix(limit).map { (seq: $0["seq"] as Int64, message: StoredMessage(row: $0)) }
            return (descending ? page.reversed() : Array(page), rows.count > limit)
        }
    }
}
