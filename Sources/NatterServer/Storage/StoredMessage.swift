import Foundation
import GRDB

/// A chat as stored: 1:1 when `recipient` is set, a room message when `room` is.
public struct StoredMessage: Sendable, Hashable {
    public var id: Int64
    /// The protocol-visible identifier (Ryver `key`): the row id, zero-padded so keys sort like ids.
    public var key: String
    public var sender: StoredUser
    public var recipientName: String?
    public var roomName: String?
    public var text: String
    /// Raw JSON object text of the chat's `extras`, kept verbatim.
    public var extras: String?
    public var createdAt: Date
    public var edited: Bool
    public var deleted: Bool

    init(
        id: Int64, key: String, sender: StoredUser, recipientName: String?, roomName: String?, text: String,
        extras: String?, createdAt: Date, edited: Bool, deleted: Bool
    ) {
        self.id = id
        self.key = key
        self.sender = sender
        self.recipientName = recipientName
        self.roomName = roomName
        self.text = text
        self.extras = extras
        self.createdAt = createdAt
        self.edited = edited
        self.deleted = deleted
    }

    static func key(for id: Int64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    /// Selects the columns `init(row:)` reads.
    static let selection = """
        SELECT message.*, sender.id AS sender_id, sender.name AS sender_name,
               sender.displayName AS sender_displayName,
               recipient.name AS recipientName, room.name AS roomName
        FROM message
        JOIN user AS sender ON sender.id = message.senderID
        LEFT JOIN user AS recipient ON recipient.id = message.recipientID
        LEFT JOIN room ON room.id = message.roomID
        """

    init(row: Row) {
        id = row["id"]
        key = row["key"]
        sender = StoredUser(row: row, prefix: "sender_")
        recipientName = row["recipientName"]
        roomName = row["roomName"]
        text = row["text"]
        extras = row["extras"]
        createdAt = Date(timeIntervalSince1970: row["createdAt"])
        edited = row["edited"]
        deleted = row["deleted"]
    }
}
