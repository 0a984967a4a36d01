import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: ConferenceIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .start(let subject, let participants, let message, let account):
            let command = AdapterCommand.conferences(
                .start(subject: subject, with: participants.map(\.bare), message: message))
            return send(command, on: account, in: &state, now: now)
        case .invite(let id, let user):
            return send(
                .conferences(.invite(conference: id.address, user.bare)), on: id.account, for: id, in: &state, now: now)
        case .eject(let id, let user):
            return send(
                .conferences(.eject(conference: id.address, user.bare)), on: id.account, for: id, in: &state, now: now)
        case .accept(let id):
            guard state.invitations.removeValue(forKey: id) != nil else {
                post(.error, "there is no invitation to \(state.title(of: .conversation(id)))", at: now, in: &state)
                return []
            }
            return send(.conferences(.accept(id.address)), on: id.account, for: id, in: &state, now: now)
        case .decline(let id):
            guard state.invitations.removeValue(forKey: id) != nil else {
                post(.error, "there is no invitation to \(state.title(of: .conversation(id)))", at: now, in: &state)
                return []
            }
            return send(.conferences(.decline(id.address)), on: id.account, for: id, in: &state, now: now)
        case .leave(let id):
            let effects = close(.conversation(id), in: &state)
            return effects + send(.conferences(.leave(id.address)), on: id.account, for: id, in: &state, now: now)
        }
    }

    func apply(_ event: ConferenceEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .started(let conference, let subject, let participants):
            let id = ConversationID.conference(conference, account: source.account)
            let isNew = state.conversations[id] == nil
            claim(id, for: source, in: &state)
            ensureConversation(id, in: &state)
            state.conversations[id]!.title = subject
            state.conversations[id]!.occupants = Set(participants.map(\.bare))
            ensureWindow(.conversation(id), in: &state)
            // Only the user's own `/conf` or `/accept` starts one, so its window comes to the front.
            if isNew { state.activeWindow = .conversation(id) }
        case .invited(let invitation):
            let id = ConversationID.conference(invitation.conference, account: source.account)
            claim(id, for: source, in: &state)
            state.invitations[id] = invitation
            let subject = invitation.subject.map { " \"\($0)\"" } ?? ""
            post(
                .info,
                "\(prefix(source.account, in: state))\(invitation.from) invites you to conference \(invitation.conference)"
                    + "\(subject): \(invitation.message) (/accept or /decline)",
                at: now, in: &state)
        case .participant(let conference, let user, let joined):
            let id = ConversationID.conference(conference, account: source.account)
            noteOccupancy(of: user, present: joined, in: id, state: &state, now: now)
            if joined {
                state.conversations[id]?.occupants.insert(user.bare)
            } else {
                state.conversations[id]?.occupants.remove(user.bare)
                state.conversations[id]?.typing.remove(user.bare)
            }
        case .ended(let conference):
            let id = ConversationID.conference(conference, account: source.account)
            if state.invitations.removeValue(forKey: id) != nil {
                post(.info, "the invitation to conference \(conference) was withdrawn", at: now, in: &state)
            } else if state.conversations[id] != nil {
                state.conversations[id]?.occupants = []
                post(.info, "\(state.title(of: .conversation(id))) has ended", at: now, in: &state)
            }
        }
        return []
    }
}
