import Foundation
import GRDB
import NatterEngine
import NatterModel

/// The client's cache and outbox in SQLite (WAL), one database per account under `$XDG_DATA_HOME/natter`.
///
/// One file per account, named by address and server rather than by the account's name in config.toml: renaming
/// `[accounts.work]` keeps its history, and the files natter wrote before accounts existed are the `default`
/// account's as they are. Conversations are keyed by `ConversationID.storageKey` (`direct:bob@natter.test`),
/// which is unique within the file's account.
///
/// The outbox is not a separate table: a pending outgoing message *is* the outbox entry, so there is no window in
/// which a message exists in one place and not the other.
public final class SQLiteMessageStore: MessageStore {
    private let database: DatabasePool
    public let account: AccountID
    /// Plain-text logs, when the user asked for them.
    private let log: ConversationLog?

    public init(path: String, account: AccountID = .default, log: ConversationLog? = nil) throws {
        self.account = account
        self.log = log
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // Chat history is private: the database and its WAL files are readable by the owner only, even in a
        // data directory that someone else created with looser permissions.
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            chmod(file, 0o600)
        }
    }

    public func save(_ message: Message) throws {
        let firstFinal = try database.write { db in
            // Logged once, when it is first known to be in the conversation: on arrival, or when our own is acked.
            let previous = try String.fetchOne(
                db, sql: "SELECT delivery FROM message WHERE id = ?", arguments: [message.id])
            // One row per server key: the newest write is the copy the engine kept (our local id after an ack
            // merged the server's echo into it), so older twins go.
            if let key = message.serverKey {
                try db.execute(
                    sql: "DELETE FROM message WHERE serverKey = ? AND id != ?", arguments: [key, message.id])
            }
            let (delivery, failure) = Self.encode(message.delivery)
            try db.execute(
                sql: """
                    INSERT INTO message (id, serverKey, conversation, sender, senderName, text, timestamp, outgoing,
                                         delivery, failure, edited, style, deleted)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET serverKey = excluded.serverKey, text = excluded.text,
                        timestamp = excluded.timestamp, delivery = excluded.delivery, failure = excluded.failure,
                        edited = excluded.edited, senderName = excluded.senderName, style = excluded.style,
                        deleted = excluded.deleted
                    """,
                arguments: [
                    message.id, message.serverKey, message.conversation.storageKey, message.sender.description,
                    message.senderName, message.text, message.timestamp.timeIntervalSince1970, message.isOutgoing,
                    delivery, failure, message.isEdited, Self.encode(message.style), message.isDeleted,
                ])
            return (previous == nil || previous == "pending")
                && (delivery == "sent" || delivery == "delivered" || delivery == "read")
        }
        if firstFinal, !message.isDeleted { try log?.append(message) }
    }

    public func delete(messageID: String) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM message WHERE id = ?", arguments: [messageID]) }
    }

    public func recentMessages(in conversation: ConversationID, limit: Int) throws -> [Message] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM message WHERE conversation = ? ORDER BY timestamp DESC LIMIT ?",
                arguments: [conversation.storageKey, limit]
            ).compactMap(decode).reversed()
        }
    }

    public func knownConversations() throws -> [ConversationID] {
        try database.read { db in
            try String.fetchAll(
                db, sql: "SELECT conversation FROM message GROUP BY conversation ORDER BY MAX(timestamp) DESC")
        }.compactMap { ConversationID(storageKey: $0, account: account) }
    }

    public func pendingOutbox() throws -> [Message] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM message WHERE outgoing = 1 AND delivery = 'pending' ORDER BY timestamp"
            ).compactMap(decode)
        }
    }

    public func search(_ text: String, in conversation: ConversationID?, limit: Int) throws -> [Message] {
        guard let query = Self.searchQuery(text) else { return [] }
        return try database.read { db in
            var sql = """
                SELECT message.* FROM message_search JOIN message ON message.rowid = message_search.rowid
                WHERE message_search MATCH ?
                """
            var arguments: StatementArguments = [query]
            if let conversation {
                sql += " AND message.conversation = ?"
                arguments += [conversation.storageKey]
            }
            sql += " ORDER BY message.timestamp DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(decode).reversed()
        }
    }

    /// The user's words as an FTS5 query: every word must occur, each as a prefix, and none is read as FTS5 syntax
    /// (quotes are doubled inside a quoted string), so `"` or `AND` in a search are just text.
    static func searchQuery(_ text: String) -> String? {
        // A word without letters or digits has no token to match, and FTS5 refuses an empty phrase.
        let words = text.split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
    }

    public func resumeCursors() throws -> [ProtocolKind: ResumeCursor] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT protocol, token FROM resumeCursor").reduce(into: [:]) { cursors, row in
                if let kind = ProtocolKind(rawValue: row["protocol"]) { cursors[kind] = ResumeCursor(row["token"]) }
            }
        }
    }

    public func save(cursor: ResumeCursor, for protocolKind: ProtocolKind) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO resumeCursor (protocol, token) VALUES (?, ?)
                    ON CONFLICT(protocol) DO UPDATE SET token = excluded.token
                    """,
                arguments: [protocolKind.rawValue, cursor.token])
        }
    }

    /// Where the cache for an account lives, following the XDG base directory spec.
    public static func defaultPath(
        account: String, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> String
    {
        let base =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        let safe = account.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "@" || $0 == "-" ? $0 : "_" }
        return "\(base)/natter/\(String(safe)).sqlite"
    }
}

extension SQLiteMessageStore {
    fileprivate static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-messages") { db in
            try db.execute(
                sql: """
                    CREATE TABLE message (
                        id TEXT PRIMARY KEY NOT NULL,
                        serverKey TEXT,
                        conversation TEXT NOT NULL,
                        sender TEXT NOT NULL,
                        senderName TEXT,
                        text TEXT NOT NULL,
                        timestamp DOUBLE NOT NULL,
                        outgoing BOOLEAN NOT NULL,
                        delivery TEXT NOT NULL,
                        failure TEXT,
                        edited BOOLEAN NOT NULL DEFAULT 0
                    );
                    CREATE INDEX message_by_conversation ON message(conversation, timestamp);
                    CREATE INDEX message_by_key ON message(serverKey);
                    CREATE INDEX message_outbox ON message(delivery) WHERE outgoing = 1;
                    """)
        }
        // Caches from before accounts resumed catch-up from their newest Realtime key (compared as a number);
        // that key becomes the Realtime adapter's cursor, which the engine now keeps as an opaque token.
        migrator.registerMigration("v2-resume-cursors") { db in
            try db.execute(
                sql: """
                    CREATE TABLE resumeCursor (
                        protocol TEXT PRIMARY KEY NOT NULL,
                        token TEXT NOT NULL
                    );
                    INSERT INTO resumeCursor (protocol, token)
                        SELECT 'realtime', serverKey FROM message WHERE serverKey IS NOT NULL
                        ORDER BY length(serverKey) DESC, serverKey DESC LIMIT 1;
                    """)
        }
        // The sender's effects and colour (CWA's X-MMS-IM-Format), as JSON; NULL for plain text.
        migrator.registerMigration("v3-message-style") { db in
            try db.execute(sql: "ALTER TABLE message ADD COLUMN style TEXT")
        }
        // Full-text search over every cached message (`/search`, `/lastlog`): an FTS5 index on `message.text`, kept in
        // step by triggers so no write path can forget it, and filled from what the cache already holds.
        migrator.registerMigration("v4-search") { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE message_search USING fts5(text, content='message', content_rowid='rowid');
                    CREATE TRIGGER message_search_insert AFTER INSERT ON message BEGIN
                        INSERT INTO message_search (rowid, text) VALUES (new.rowid, new.text);
                    END;
                    CREATE TRIGGER message_search_delete AFTER DELETE ON message BEGIN
                        INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.rowid, old.text);
                    END;
                    CREATE TRIGGER message_search_update AFTER UPDATE OF text ON message BEGIN
                        INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.rowid, old.text);
                        INSERT INTO message_search (rowid, text) VALUES (new.rowid, new.text);
                    END;
                    INSERT INTO message_search (message_search) VALUES ('rebuild');
                    """)
        }
        migrator.registerMigration("v5-deleted") { db in
            try db.execute(sql: "ALTER TABLE message ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT 0")
        }
        return migrator
    }

    fileprivate static func encode(_ style: MessageStyle?) -> String? {
        guard let style, let data = try? JSONEncoder().encode(style) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// A style this version cannot read is dropped: it is decoration, and the text is kept whatever it says.
    fileprivate static func decodeStyle(_ text: String?) -> MessageStyle? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(MessageStyle.self, from: Data(text.utf8))
    }

    fileprivate static func encode(_ delivery: DeliveryState) -> (String, String?) {
        switch delivery {
        case .pending: ("pending", nil)
        case .sent: ("sent", nil)
        case .delivered: ("delivered", nil)
        case .read: ("read", nil)
        case .failed(let reason): ("failed", reason)
        }
    }

    fileprivate func decode(_ row: Row) -> Message? {
        guard let conversation = ConversationID(storageKey: row["conversation"], account: account),
            let sender = JID(row["sender"] as String)
        else { return nil }
        let delivery: DeliveryState =
            switch row["delivery"] as String {
            case "pending": .pending
            case "delivered": .delivered
            case "read": .read
            case "failed": .failed(row["failure"] ?? "failed")
            default: .sent
            }
        var message = Message(
            id: row["id"], serverKey: row["serverKey"], conversation: conversation, sender: sender,
            senderName: row["senderName"], text: row["text"],
            timestamp: Date(timeIntervalSince1970: row["timestamp"]), isOutgoing: row["outgoing"],
            delivery: delivery, isEdited: row["edited"], style: Self.decodeStyle(row["style"]))
        message.isDeleted = row["deleted"]
        return message
    }
}
