import Foundation
import NatterModel

extension Reducer {
    func typing(
        _ user: JID, in id: ConversationID, composing: Bool, state: inout ClientState, now: Date
    ) -> [Effect] {
        guard user != state.accounts[id.account]?.identity?.bare else { return [] }
        let key = ClientState.TypingKey(conversation: id, user: user)
        guard composing else {
            state.conversations[id]?.typing.remove(user)
            state.typingDeadlines[key] = nil
            return []
        }
        ensureConversation(id, in: &state)
        state.conversations[id]!.typing.insert(user)
        let deadline = now.addingTimeInterval(typingLifetime)
        state.typingDeadlines[key] = deadline
        return [.wake(at: deadline)]
    }

    /// Someone went offline on `account`: they are typing nowhere there.
    func clearTyping(of user: JID, on account: AccountID, in state: inout ClientState) {
        for key in state.typingDeadlines.keys where key.user == user && key.conversation.account == account {
            state.conversations[key.conversation]?.typing.remove(user)
            state.typingDeadlines[key] = nil
        }
    }

    /// The account's link went down: nobody is typing there any more.
    func clearTyping(on account: AccountID, in state: inout ClientState) {
        for (id, conversation) in state.conversations where id.account == account && !conversation.typing.isEmpty {
            state.conversations[id]?.typing.removeAll()
        }
        for key in state.typingDeadlines.keys where key.conversation.account == account {
            state.typingDeadlines[key] = nil
        }
    }

    func expireTyping(in state: inout ClientState, now: Date) -> [Effect] {
        for (key, deadline) in state.typingDeadlines where deadline <= now {
            state.conversations[key.conversation]?.typing.remove(key.user)
            state.typingDeadlines[key] = nil
        }
        return state.typingDeadlines.values.min().map { [.wake(at: $0)] } ?? []
    }
}
