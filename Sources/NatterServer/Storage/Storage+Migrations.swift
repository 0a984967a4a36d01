import GRDB

extension Storage {
    /// Schema history. Never edit a registered migration: add a new one, because existing databases have
    /// already run the old ones.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-users-sessions") { db in
            try db.create(table: "user") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                table.column("displayName", .text).notNull()
                table.column("passwordHash", .text).notNull()
                table.column("createdAt", .double).notNull()
            }
            try db.create(table: "session") { table in
                table.primaryKey("id", .text)
                table.column("userID", .integer).notNull().indexed().references("user", onDelete: .cascade)
                table.column("createdAt", .double).notNull()
                table.column("lastUsedAt", .double).notNull()
            }
        }
        migrator.registerMigration("v1-contacts-rooms") { db in
            try db.create(table: "contact") { table in
                table.column("ownerID", .integer).notNull().references("user", onDelete: .cascade)
                table.column("contactID", .integer).notNull().indexed().references("user", onDelete: .cascade)
                table.column("displayName", .text)
                table.primaryKey(["ownerID", "contactID"])
            }
            try db.create(table: "contactGroup") { table in
                table.column("ownerID", .integer).notNull()
                table.column("contactID", .integer).notNull()
                table.column("name", .text).notNull()
                table.primaryKey(["ownerID", "contactID", "name"])
                table.foreignKey(
                    ["ownerID", "contactID"], references: "contact", columns: ["ownerID", "contactID"],
                    onDelete: .cascade)
            }
            // Team rooms (Realtime team_join) and distribution groups (directory lookups) share one table.
            try db.create(table: "room") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                table.column("displayName", .text).notNull()
                table.column("kind", .text).notNull()
            }
            try db.create(table: "roomMember") { table in
                table.column("roomID", .integer).notNull().references("room", onDelete: .cascade)
                table.column("userID", .integer).notNull().indexed().references("user", onDelete: .cascade)
                table.primaryKey(["roomID", "userID"])
            }
        }
        migrator.registerMigration("v1-messages") { db in
            try db.create(table: "message") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("key", .text).unique()
                table.column("senderID", .integer).notNull().references("user")
                table.column("recipientID", .integer).references("user")
                table.column("roomID", .integer).references("room")
                // Both parties of a 1:1 chat, or the room, in one column so history is one index range.
                table.column("conversation", .text).notNull()
                table.column("text", .text).notNull()
                table.column("extras", .text)
                table.column("createdAt", .double).notNull()
                table.column("edited", .boolean).notNull().defaults(to: false)
                table.column("deleted", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "message_conversation_id", on: "message", columns: ["conversation", "id"])
        }
        migrator.registerMigration("v2-client-message-id") { db in
            // The id a client gave its chat: a resend after a lost ack is recognised instead of stored twice.
            try db.alter(table: "message") { table in table.add(column: "clientID", .text) }
            try db.create(
                index: "message_sender_client_id", on: "message", columns: ["senderID", "clientID"],
                condition: Column("clientID") != nil)
        }
        migrator.registerMigration("v3-user-last-active") { db in
            // Expired sessions are deleted; their last use is kept here so offline contacts stay dated.
            try db.alter(table: "user") { table in table.add(column: "lastActiveAt", .double) }
        }
        migrator.registerMigration("v4-buddy-list") { db in try Storage.migrateToBuddyList(db) }
        return migrator
    }
}

extension Storage {
    /// Applies the doors' own migrations after the core's; already applied ones are skipped.
    func migrate(_ migrations: [StorageMigration]) throws {
        guard !migrations.isEmpty else { return }
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in try migration.migrate(db) }
        }
        try migrator.migrate(pool)
    }
}
