import NatterModel

extension ChatEvent {
    /// The event with every conversation it names moved to `account`. Adapters do not know their account; the
    /// engine does, so it stamps chat events on the way in (only they name conversations) rather than trusting
    /// each adapter to.
    func stamped(account: AccountID) -> ChatEvent {
        switch self {
        case .received(let message): .received(message.on(account))
        case .typing(let id, let user, let composing): .typing(id.on(account), user, composing)
        case .historyLoaded(let id, let messages, let hasMore):
            .historyLoaded(id.on(account), messages.map { $0.on(account) }, hasMore: hasMore)
        case .historyFailed(let id, let reason): .historyFailed(id.on(account), reason: reason)
        case .caughtUp(let messages, let hasMore): .caughtUp(messages.map { $0.on(account) }, hasMore: hasMore)
        case .readMarker(let id, let key): .readMarker(id.on(account), key: key)
        case .acked, .failed, .edited, .deleted: self
        }
    }
}

extension ConversationID {
    func on(_ account: AccountID) -> ConversationID {
        guard self.account != account else { return self }
        return ConversationID(account: account, target: target)
    }
}

extension Message {
    func on(_ account: AccountID) -> Message {
        guard conversation.account != account else { return self }
        var message = self
        message.conversation = conversation.on(account)
        return message
    }
}
