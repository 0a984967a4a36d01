import Foundation
import NatterWire

/// `message`: sent by a client to a channel, and fanned out (or replayed from the archive) by the server.
///
/// The server adds `sender` and `time`; an archive replay also carries `reply-to`, the `id` of the `retrieve`
/// it answers, so a client can tell replayed messages from live ones.
public struct ChannelMessage: Sendable, Equatable {
    public var id: String?
    public var channelID: String
    /// The sender's globally unique identifier for the message; receipts refer to it.
    public var messageID: String
    public var text: String
    public var attributes: [String: JSONValue]?
    public var sender: String?
    public var time: Date?
    public var replyTo: String?

    public init(
        id: String? = nil, channelID: String, messageID: String, text: String,
        attributes: [String: JSONValue]? = nil, sender: String? = nil, time: Date? = nil, replyTo: String? = nil
    ) {
        self.id = id
        self.channelID = channelID
        self.messageID = messageID
        self.text = text
        self.attributes = attributes
        self.sender = sender
        self.time = time
        self.replyTo = replyTo
    }
}
