import NatterModel

/// A window the user can switch to: the console (system messages, help), the gateways view, or one conversation.
public enum WindowID: Hashable, Sendable, CustomStringConvertible {
    case console
    /// The live view of every account's gateway services and their states (`/gateways`).
    case gateways
    case conversation(ConversationID)

    public var description: String {
        switch self {
        case .console: "console"
        case .gateways: "gateways"
        case .conversation(let id): id.description
        }
    }

    public var conversationID: ConversationID? {
        if case .conversation(let id) = self { return id }
        return nil
    }
}
