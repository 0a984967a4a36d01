import Foundation
import GRDB
import NatterWire

/// A channel as stored: its id, name, invitation token and attributes.
struct ChannelRecord: Sendable, Equatable {
    let id: String
    var name: String
    var inviteToken: String?
    var attributes: [String: JSONValue]?

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        inviteToken = row["inviteToken"]
        attributes = ChannelRecord.decodeAttributes(row["attributes"])
    }

    static func encodeAttributes(_ attributes: [String: JSONValue]?) -> String? {
        attributes.map { JSONValue.object($0).serialized }
    }

    static func decodeAttributes(_ text: String?) -> [String: JSONValue]? {
        guard let text else { return nil }
        return (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))?.objectValue
    }
}

/// A member of a channel and its role.
struct ChannelMember: Sendable, Equatable {
    let user: StoredUser
    var administrator: Bool
}

/// One archived channel message.
struct ArchivedChannelMessage: Sendable, Equatable {
    let seq: Int64
    let channelID: String
    let messageID: String
    let sender: StoredUser
    let text: String
    let attributes: [String: JSONValue]?
    let time: Date

    init(row: Row) {
        seq = row["seq"]
        channelID = row["channelID"]
        messageID = row["messageID"]
        sender = StoredUser(row: row, prefix: "user_")
        text = row["text"]
        attributes = ChannelRecord.decodeAttributes(row["attributes"])
        time = Date(timeIntervalSince1970: row["time"])
    }
}

/// What removing a member changed besides the membership.
struct ChannelRemoval: Sendable, Equatable {
    /// Whether the user was a member at all.
    var removed: Bool
    /// The member promoted because the last administrator left.
    var promoted: StoredUser?
    /// The channel was removed because nobody is left.
    var channelRemoved: Bool
}
