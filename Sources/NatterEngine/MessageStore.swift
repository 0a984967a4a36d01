import NatterModel

/// One account's durable cache: messages for instant scrollback, the outbox for offline sends, and the adapters'
/// resume cursors.
public protocol MessageStore: Sendable {
    /// The account this cache belongs to; the conversations it returns are on this account.
    var account: AccountID { get }
    func save(_ message: Message) throws
    func delete(messageID: String) throws
    func recentMessages(in conversation: ConversationID, limit: Int) throws -> [Message]
    func knownConversations() throws -> [ConversationID]
    /// Messages whose text contains every word of `text` (as word prefixes), oldest first, at most `limit` of the
    /// newest; in one conversation or, when `conversation` is nil, in all of them.
    func search(_ text: String, in conversation: ConversationID?, limit: Int) throws -> [Message]
    /// Outgoing messages still without an ack, oldest first: resent once after every reconnect.
    func pendingOutbox() throws -> [Message]
    func resumeCursors() throws -> [ProtocolKind: ResumeCursor]
    func save(cursor: ResumeCursor, for protocolKind: ProtocolKind) throws
}
