import NatterModel

/// The client's durable cache: messages for instant scrollback and the outbox for offline sends.
public protocol MessageStore: Sendable {
    func save(_ message: Message) throws
    func delete(messageID: String) throws
    func recentMessages(in conversation: ConversationID, limit: Int) throws -> [Message]
    func knownConversations() throws -> [ConversationID]
    /// Outgoing messages still without an ack, oldest first: resent once after every reconnect.
    func pendingOutbox() throws -> [Message]
}
