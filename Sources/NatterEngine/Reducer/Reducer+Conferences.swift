import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: ConferenceIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .start(let subject, let participants, let account):
            let command = AdapterCommand.conferences(.start(subject: subject, with: participants.map(\.bare)))
            return send(command, on: account, in: &state, now: now)
        case .invite(let id, let user):
            return send(
                .conferences(.invite(conference: id.address, user.bare)), on: id.account, for: id, in: &state, now: now)
        case .leave(let id):
            let effects = close(.conversation(id), in: &state)
            return effects + send(.conferences(.leave(id.address)), on: id.account, for: id, in: &state, now: now)
        }
    }

    func apply(_ event: ConferenceEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .started(let conference, let subject, let participants):
            let id = ConversationID.conference(conference, account: source.account)
            claim(id, for: source, in: &state)
            ensureConversation(id, in: &state)
            state.conversations[id]!.title = subject
            state.conversations[id]!.occupants = Set(participants.map(\.bare))
            ensureWindow(.conversation(id), in: &state)
        case .participant(let conference, let user, let joined):
            let id = ConversationID.conference(conference, account: source.account)
            if joined {
                state.conversations[id]?.occupants.insert(user.bare)
            } else {
                state.conversations[id]?.occupants.remove(user.bare)
            }
        case .ended(let conference):
            let id = ConversationID.conference(conference, account: source.account)
            state.conversations[id]?.occupants = []
            post(.info, "\(state.title(of: .conversation(id))) has ended", at: now, in: &state)
        }
        return []
    }
}
