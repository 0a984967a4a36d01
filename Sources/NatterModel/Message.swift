import Foundation

/// Where an outgoing message is on its way to the other side.
public enum DeliveryState: Hashable, Sendable {
    /// Queued locally (possibly offline); no ack from the server yet.
    case pending
    /// The server acknowledged it and gave it a key.
    case sent
    case delivered
    case read
    case failed(String)

    public var isFinal: Bool {
        switch self {
        case .pending: false
        default: true
        }
    }
}

/// A chat message in any conversation.
public struct Message: Hashable, Sendable, Identifiable {
    /// Our own identifier: a client-generated id for messages we send, the server key for those we receive.
    public var id: String
    /// The server's key once known (Ryver `key`), used for edits, deletes and de-duplication.
    public var serverKey: String?
    public var conversation: ConversationID
    public var sender: JID
    public var senderName: String?
    public var text: String
    public var timestamp: Date
    public var isOutgoing: Bool
    public var delivery: DeliveryState
    public var isEdited: Bool
    /// The sender's effects and colour where the protocol carries them (CWA); `nil` is plain text.
    public var style: MessageStyle?
    /// Deleted by its author: kept in place, without its text, so the conversation still reads in order.
    public var isDeleted = false

    public init(
        id: String, serverKey: String? = nil, conversation: ConversationID, sender: JID, senderName: String? = nil,
        text: String, timestamp: Date = Date(), isOutgoing: Bool, delivery: DeliveryState = .sent,
        isEdited: Bool = false, style: MessageStyle? = nil
    ) {
        self.id = id
        self.serverKey = serverKey
        self.conversation = conversation
        self.sender = sender.bare
        self.senderName = senderName
        self.text = text
        self.timestamp = timestamp
        self.isOutgoing = isOutgoing
        self.delivery = delivery
        self.isEdited = isEdited
        self.style = style
    }
}
