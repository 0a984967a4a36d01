import Foundation
import NatterModel

extension Reducer {
    /// How many status lines a room keeps; older ones scroll away, as the console's notices do.
    static let roomStatusLimit = 200

    /// A status line in a room's window (a join, a part, a presence change, an answer to `/who`). Only for a
    /// conversation with a window: a room nobody looks at collects nothing.
    func noteRoomStatus(_ notice: Notice, in id: ConversationID, state: inout ClientState) {
        guard state.conversations[id] != nil else { return }
        var lines = state.roomStatus[id, default: []]
        lines.append(notice)
        if lines.count > Self.roomStatusLimit { lines.removeFirst(lines.count - Self.roomStatusLimit) }
        state.roomStatus[id] = lines
    }

    /// A status line when `user` enters or leaves a room or conference it was not (or was) in; repeats of the
    /// same state, and our own comings and goings, say nothing.
    func noteOccupancy(of user: JID, present: Bool, in id: ConversationID, state: inout ClientState, now: Date) {
        guard let occupants = state.conversations[id]?.occupants, !state.isOwnAddress(user),
            occupants.contains(user.bare) != present
        else { return }
        let text = "\(state.displayName(of: user)) \(present ? "joined" : "left")"
        noteRoomStatus(Notice(.info, text, timestamp: now), in: id, state: &state)
    }

    /// A status line in each room or conference window of `account` that `user` is in: their presence changed.
    /// Channels say it from their own member status, so they are left out here.
    func notePresence(of user: JID, as presence: Presence, on account: AccountID, state: inout ClientState, now: Date) {
        let rooms = state.conversations.values.filter {
            $0.id.account == account && ($0.id.kind == .room || $0.id.kind == .conference)
                && $0.occupants.contains(user)
        }
        for room in rooms.map(\.id).sorted() {
            let text = "\(state.displayName(of: user)) is now \(presence.label)"
            noteRoomStatus(Notice(.info, text, timestamp: now), in: room, state: &state)
        }
    }

    /// Status lines for how a channel's members changed: who joined, who left, whose presence changed.
    func noteMemberChanges(
        from old: [Member], to new: [Member], in id: ConversationID, state: inout ClientState, now: Date
    ) {
        let me = state.accounts[id.account]?.identity?.bare
        let before = Dictionary(old.map { ($0.jid, $0) }, uniquingKeysWith: { _, last in last })
        let after = Set(new.map(\.jid))
        for member in new where member.jid != me {
            let name = state.displayName(of: member.jid)
            if let previous = before[member.jid] {
                if previous.presence != member.presence {
                    noteRoomStatus(
                        Notice(.info, "\(name) is now \(member.presence.label)", timestamp: now), in: id, state: &state)
                }
                if previous.role != .admin && member.role == .admin {
                    noteRoomStatus(
                        Notice(.info, "\(name) is now an administrator", timestamp: now), in: id, state: &state)
                }
            } else {
                noteRoomStatus(Notice(.info, "\(name) joined", timestamp: now), in: id, state: &state)
            }
        }
        for member in old where !after.contains(member.jid) && member.jid != me {
            noteRoomStatus(
                Notice(.info, "\(state.displayName(of: member.jid)) left", timestamp: now), in: id, state: &state)
        }
    }
}
