import Foundation
import NatterModel

/// Multi-user threads: invitations wait in `threadInvitations` until joined; who enters and leaves is shown in
/// the thread's window as an action line (kept in memory only, never persisted as a message).
extension Reducer {
    func apply(_ intent: ThreadIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .invite(let user, let text, let origin, let account):
            let command: ThreadCommand
            switch origin?.target {
            case .thread(let thread)?: command = .invite(user.bare, text: text, thread: thread, peer: nil)
            case .direct(let peer)?: command = .invite(user.bare, text: text, thread: nil, peer: peer)
            default: command = .invite(user.bare, text: text, thread: nil, peer: nil)
            }
            let owner = origin?.kind == .thread ? origin : nil
            return send(.threads(command), on: account, for: owner, in: &state, now: now)
        case .join(let id):
            state.threadInvitations.removeValue(forKey: id)
            return send(.threads(.join(id.address)), on: id.account, for: id, in: &state, now: now)
        case .leave(let id):
            return close(.conversation(id), in: &state) + leave(id, in: &state, now: now)
        }
    }

    func apply(_ event: ThreadEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .started(let thread):
            let id = ConversationID.thread(thread, account: source.account)
            claim(id, for: source, in: &state)
            state.threadInvitations.removeValue(forKey: id)
            if let me = state.accounts[id.account]?.identity?.bare {
                ensureConversation(id, in: &state)
                state.conversations[id]?.occupants.insert(me)
            }
            return open(id, in: &state, now: now)
        case .invited(let invitation):
            let id = ConversationID.thread(invitation.thread, account: source.account)
            claim(id, for: source, in: &state)
            state.threadInvitations[id] = invitation
            let who = TextSanitizer.line(state.displayName(of: invitation.from))
            let text = invitation.text.isEmpty ? "" : ": \(TextSanitizer.line(invitation.text))"
            post(
                .info,
                "\(prefix(source.account, in: state))\(who) invites you to thread \(invitation.thread)\(text)"
                    + " (/join \(invitation.thread))",
                at: now, in: &state)
            return []
        case .entered(let thread, let user):
            let id = ConversationID.thread(thread, account: source.account)
            claim(id, for: source, in: &state)
            let isMe = state.accounts[id.account]?.identity?.bare == user.bare
            // Someone turned our 1:1 chat into this thread: we are in it without having asked, so it opens quietly.
            if isMe, state.conversations[id] == nil || !state.windows.contains(.conversation(id)) {
                ensureConversation(id, in: &state)
                ensureWindow(.conversation(id), in: &state)
            }
            guard state.conversations[id] != nil else { return [] }
            if state.conversations[id]!.occupants.insert(user.bare).inserted, !isMe {
                announce(user, "entered the thread", in: id, in: &state, now: now)
            }
        case .left(let thread, let user):
            let id = ConversationID.thread(thread, account: source.account)
            guard state.conversations[id] != nil else { return [] }
            state.conversations[id]!.occupants.remove(user.bare)
            state.conversations[id]!.typing.remove(user.bare)
            announce(user, "left the thread", in: id, in: &state, now: now)
        }
        return []
    }

    /// Closing a thread's window leaves the thread (Zimbra's `close`): the others see `leftchat`.
    func leave(_ id: ConversationID, in state: inout ClientState, now: Date) -> [Effect] {
        guard id.kind == .thread else { return [] }
        state.conversations[id]?.occupants = []
        return send(.threads(.leave(id.address)), on: id.account, for: id, in: &state, now: now)
    }

    private func announce(_ user: JID, _ what: String, in id: ConversationID, in state: inout ClientState, now: Date) {
        let line = Message(
            id: "thread-\(id.address)-\(user.bare)-\(what)-\(now.timeIntervalSince1970)", conversation: id,
            sender: user, text: "/me \(what)", timestamp: now, isOutgoing: false)
        insert(line, into: &state.conversations[id]!)
    }
}
