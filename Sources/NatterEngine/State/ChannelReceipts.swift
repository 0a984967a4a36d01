import NatterModel

/// The receipts of one channel as this client keeps them: which messages of others still owe a `displayed` or a
/// `read` (each is reported once), and who has read each of ours ("read by N").
///
/// Only messages that arrive while the client is connected (live or caught up) owe receipts: history loaded when a
/// window opens was there before, and reporting it again on every start would be a storm of stale receipts.
public struct ChannelReceipts: Sendable, Equatable {
    /// Others' messages not yet reported displayed, oldest first.
    public private(set) var undisplayed: [String] = []
    /// Others' messages not yet reported read, oldest first; a superset of `undisplayed`.
    public private(set) var unread: [String] = []
    /// Who has read each of our messages, by message id.
    public private(set) var readers: [String: Set<JID>] = [:]

    public init() {}

    /// A message of someone else arrived and owes both receipts.
    public mutating func arrived(_ messageID: String) {
        guard !unread.contains(messageID) else { return }
        undisplayed.append(messageID)
        unread.append(messageID)
    }

    /// The ids among `shown` that still owed `displayed`; they owe it no longer.
    public mutating func display(_ shown: [String]) -> [String] {
        let owed = undisplayed.filter(shown.contains)
        undisplayed.removeAll(where: owed.contains)
        return owed
    }

    /// The ids among `shown` that still owed `read`; they owe nothing any more (read implies displayed).
    public mutating func read(_ shown: [String]) -> [String] {
        let owed = unread.filter(shown.contains)
        unread.removeAll(where: owed.contains)
        undisplayed.removeAll(where: owed.contains)
        return owed
    }

    /// Every message that still owed `read`; the channel owes nothing afterwards.
    public mutating func readAll() -> [String] {
        defer {
            unread = []
            undisplayed = []
        }
        return unread
    }

    /// `reader` read our message `messageID`.
    public mutating func add(reader: JID, of messageID: String) {
        readers[messageID, default: []].insert(reader.bare)
    }
}
