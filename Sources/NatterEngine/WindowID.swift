import NatterModel

/// A window the user can switch to: the console (system messages, help) or one conversation.
public enum WindowID: Hashable, Sendable, CustomStringConvertible {
    case console
    case conversation(ConversationID)

    public var description: String {
        switch self {
        case .console: "console"
        case .conversation(let id): id.description
        }
    }

    public var conversationID: ConversationID? {
        if case .conversation(let id) = self { return id }
        return nil
    }
}
