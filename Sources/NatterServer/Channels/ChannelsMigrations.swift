import GRDB

/// The Channels door's own tables: channels, their members with roles, and the archive.
enum ChannelsMigrations {
    static let all: [StorageMigration] = [
        StorageMigration(identifier: "channels-v1") { db in
            try db.create(table: "channels_channel") { table in
                table.primaryKey("id", .text)
                table.column("name", .text).notNull()
                // Tokens are optional; SQLite lets several rows be NULL under a unique index.
                table.column("inviteToken", .text).unique()
                table.column("attributes", .text)
                table.column("createdAt", .double).notNull()
            }
            try db.create(table: "channels_member") { table in
                table.column("channelID", .text).notNull().references("channels_channel", onDelete: .cascade)
                table.column("userID", .integer).notNull().indexed().references("user", onDelete: .cascade)
                table.column("administrator", .boolean).notNull()
                // Who has been a member longest is promoted first when the last administrator leaves.
                table.autoIncrementedPrimaryKey("seq")
                table.uniqueKey(["channelID", "userID"])
            }
            try db.create(table: "channels_message") { table in
                // Arrival order: the tiebreak for messages that share a timestamp.
                table.autoIncrementedPrimaryKey("seq")
                table.column("channelID", .text).notNull().references("channels_channel", onDelete: .cascade)
                table.column("messageID", .text).notNull()
                table.column("senderID", .integer).notNull().references("user", onDelete: .cascade)
                table.column("text", .text).notNull()
                table.column("attributes", .text)
                table.column("time", .double).notNull()
                table.uniqueKey(["channelID", "senderID", "messageID"])
            }
            try db.create(
                index: "channels_message_time", on: "channels_message", columns: ["channelID", "time", "seq"])
        }
    ]
}
