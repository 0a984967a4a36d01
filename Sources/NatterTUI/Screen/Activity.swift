import Foundation
import NatterEngine
import NatterModel

/// How much a window wants attention, as WeeChat's hotlist and irssi's activity list rank it. Ordered: a window
/// shows its highest level.
public enum Activity: Int, Comparable, Sendable, CaseIterable {
    /// New lines nobody addressed to you in particular, e.g. notices in the console.
    case low
    /// New messages in a room, channel, thread or conference.
    case message
    /// New messages in a 1:1 chat.
    case privateMessage
    /// A new message that names you (your name, your address's local part, or a configured word).
    case highlight

    public static func < (lhs: Activity, rhs: Activity) -> Bool { lhs.rawValue < rhs.rawValue }

    var role: StyleRole {
        switch self {
        case .low: .activityLow
        case .message: .activityMessage
        case .privateMessage: .activityPrivate
        case .highlight: .activityHighlight
        }
    }

    /// The activity of a conversation window; nil when it has nothing unread.
    static func of(_ id: ConversationID, state: ClientState, words: [String] = []) -> Activity? {
        guard let conversation = state.conversations[id], conversation.unread > 0 else { return nil }
        let names = Highlighter.names(for: id.account, state: state) + words
        let unread = conversation.messages.suffix(conversation.unread).filter { !$0.isOutgoing }
        if unread.contains(where: { Highlighter.mentions($0.text, anyOf: names) }) { return .highlight }
        return id.kind == .direct ? .privateMessage : .message
    }
}
