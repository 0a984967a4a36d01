import Foundation
import NatterModel

public enum ThreadEvent: Sendable, Equatable {
    /// We are in the thread: one our invitation started, or an invitation we accepted. Its window opens.
    case started(String)
    /// Someone invites us; it waits for `/join`.
    case invited(ThreadInvitation)
    case entered(thread: String, JID)
    case left(thread: String, JID)
}

/// An invitation to a multi-user thread, kept until it is joined.
public struct ThreadInvitation: Sendable, Hashable {
    public var thread: String
    public var from: JID
    public var text: String

    public init(thread: String, from: JID, text: String) {
        self.thread = thread
        self.from = from.bare
        self.text = text
    }
}
