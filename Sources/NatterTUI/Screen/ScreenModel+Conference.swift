import NatterEngine
import NatterModel

extension ScreenModel {
    /// `conference: Plans — bob (online, typing), carol (away), alice`: the subject and who is in it, with presence
    /// and who is composing, so the window says who is about to speak even when the typing line names only a count.
    func conferenceTitle(_ id: ConversationID, title: String, state: ClientState) -> String {
        let me = state.accounts[id.account]?.identity?.bare
        let occupants = state.conversations[id]?.occupants ?? []
        let typing = state.conversations[id]?.typing ?? []
        let others = occupants.filter { $0 != me }.map { jid -> String in
            let name = TextSanitizer.line(state.displayName(of: jid))
            var marks = state.contacts[jid].map { [$0.presence.label] } ?? []
            if typing.contains(jid) { marks.append("typing") }
            return marks.isEmpty ? name : "\(name) (\(marks.joined(separator: ", ")))"
        }.sorted()
        let names = others + (occupants.count > others.count ? [TextSanitizer.line(state.ownNick(on: id.account))] : [])
        var text = "conference: \(title)"
        if !names.isEmpty { text += " — " + names.joined(separator: ", ") }
        if occupants.isEmpty, state.conversations[id] != nil { text += " (ended)" }
        return text
    }

    /// `[invited: carol "Plans"]` while invitations wait, so they stay in view after newer notices.
    func invitationMarker(state: ClientState) -> String? {
        guard let invitation = state.invitations.values.sorted(by: { $0.conference < $1.conference }).last else {
            return nil
        }
        let subject = invitation.subject.map { " \"\(TextSanitizer.line($0))\"" } ?? ""
        let more = state.invitations.count > 1 ? " +\(state.invitations.count - 1)" : ""
        return "[invited: \(TextSanitizer.line(state.displayName(of: invitation.from)))\(subject)\(more)] "
    }
}
