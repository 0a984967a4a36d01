import Foundation
import NatterEngine
import NatterModel

/// `/conf` and the commands of a conference window: invitations are answered with `/accept` and `/decline`;
/// in the window `/confinvite`, `/eject` and `/hangup` (named so they do not collide with the channel commands).
extension CommandParser {
    static let conferenceCommands: [CommandEntry] = [
        CommandEntry(
            ["conf", "conference"],
            help: "/conf A,B \"subject\" text  start a conference with A and B about subject, opening with text"
        ) { $0.startConference($1.rest, state: $2) },
        CommandEntry(["accept"], help: "/accept [ID]         accept a conference invitation (the latest if one)") {
            $0.answerInvitation(accept: true, $1.arguments, state: $2)
        },
        CommandEntry(["decline"], help: "/decline [ID]        decline a conference invitation") {
            $0.answerInvitation(accept: false, $1.arguments, state: $2)
        },
        CommandEntry(["confinvite", "cinvite"], help: "/confinvite NAME     invite NAME to this conference") {
            $0.inConference("/confinvite", $1.arguments, state: $2) { .conferences(.invite($0, $1)) }
        },
        CommandEntry(["eject"], help: "/eject NAME          remove NAME from this conference (its initiator only)") {
            $0.inConference("/eject", $1.arguments, state: $2) { .conferences(.eject($0, $1)) }
        },
        CommandEntry(["hangup", "confleave"], help: "/hangup              leave this conference") { _, _, state in
            guard let id = state.activeWindow.conversationID, id.kind == .conference else {
                return [Self.error("/hangup: this window is not a conference")]
            }
            return [.dispatch(.conferences(.leave(id)))]
        },
    ]

    /// `/conf alice,bob "Plans" We need to talk!`: the subject is quoted, or one word.
    func startConference(_ rest: Substring, state: ClientState) -> [AppAction] {
        let usage = Self.error("usage: /conf NAME[,NAME…] \"subject\" first message")
        let names = rest.prefix { !$0.isWhitespace }
        var remainder = rest.dropFirst(names.count).drop(while: \.isWhitespace)
        let subject: Substring
        if remainder.first == "\"" {
            let afterQuote = remainder.dropFirst()
            guard let close = afterQuote.firstIndex(of: "\"") else { return [usage] }
            subject = afterQuote[..<close]
            remainder = afterQuote[afterQuote.index(after: close)...]
        } else {
            subject = remainder.prefix { !$0.isWhitespace }
            remainder = remainder.dropFirst(subject.count)
        }
        let message = remainder.trimmingCharacters(in: .whitespaces)
        let invitees = names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard !invitees.isEmpty, !subject.isEmpty, !message.isEmpty else { return [usage] }
        var jids: [JID] = []
        for name in invitees {
            guard let jid = Self.resolveContact(name, state: state) else {
                return [Self.error("/conf: \(name) is not a valid address")]
            }
            jids.append(jid)
        }
        return [
            .dispatch(
                .conferences(
                    .start(subject: String(subject), with: jids, message: message, account: state.currentAccount)))
        ]
    }

    func answerInvitation(accept: Bool, _ arguments: [String], state: ClientState) -> [AppAction] {
        let command = accept ? "/accept" : "/decline"
        let pending = state.invitations.keys.filter { arguments.first == nil || $0.address == arguments.first }
        guard let id = pending.sorted(by: { $0.address < $1.address }).last else {
            return [
                Self.error(
                    arguments.isEmpty ? "\(command): no invitation is waiting" : "\(command): no such invitation")
            ]
        }
        guard pending.count == 1 else {
            let ids = pending.map(\.address).sorted().joined(separator: ", ")
            return [Self.error("\(command): several invitations wait (\(ids)); say which: \(command) ID")]
        }
        return [.dispatch(.conferences(accept ? .accept(id) : .decline(id)))]
    }

    func inConference(
        _ command: String, _ arguments: [String], state: ClientState, _ intent: (ConversationID, JID) -> Intent
    ) -> [AppAction] {
        guard let id = state.activeWindow.conversationID, id.kind == .conference else {
            return [Self.error("\(command): this window is not a conference")]
        }
        guard let name = arguments.first, let jid = Self.resolveContact(name, state: state) else {
            return [Self.error("usage: \(command) NAME")]
        }
        return [.dispatch(intent(id, jid))]
    }
}
