import NatterEngine
import NatterModel

/// Multi-user threads (Zimbra IM). Their verbs are the ones a user already knows, so they depend on where
/// they are typed instead of claiming new names:
/// - `/invite USER [text]` outside a channel window invites into a thread: the current thread, a new one with
///   the current 1:1 chat's peer, or (from the console) a new one of the two of us. In a channel window
///   `/invite` stays the channel command.
/// - `/join` without a room, or with a pending invitation's thread id, joins the thread; `/join ROOM` still
///   joins a room.
/// - `/close` on a thread's window leaves the thread (the engine does that for any way of closing it).
/// `/threads` is the only name of this file.
extension CommandParser {
    static let threadCommands: [CommandEntry] = [
        CommandEntry(
            ["threads"],
            help: "/threads             thread invitations (/join ID) and open threads; /invite USER [text] starts one"
        ) { _, _, state in threads(state: state) }
    ]

    /// `/invite` anywhere but a channel window.
    func inviteToThread(_ arguments: [String], state: ClientState) -> [AppAction] {
        guard let user = arguments.first else { return [Self.error("usage: /invite USER [invitation text]")] }
        guard let jid = Self.resolveContact(user, state: state) else {
            return [Self.error("/invite: \(user) is not a valid address")]
        }
        let origin = state.activeWindow.conversationID
        let account = origin?.account ?? state.currentAccount
        let text = arguments.dropFirst().joined(separator: " ")
        let from = origin.flatMap { [.thread, .direct].contains($0.kind) ? $0 : nil }
        return [.dispatch(.threads(.invite(jid, text: text, from: from, account: account)))]
    }

    /// `/join` for a thread, or `nil` when the arguments name a room.
    func joinThread(_ arguments: [String], state: ClientState) -> [AppAction]? {
        let pending = state.threadInvitations.keys.sorted()
        guard let name = arguments.first else {
            guard !pending.isEmpty else { return nil }
            guard pending.count == 1 else {
                let ids = pending.map(\.address).joined(separator: ", ")
                return [Self.error("/join: several thread invitations wait (\(ids)); say which: /join ID")]
            }
            return [.dispatch(.threads(.join(pending[0])))]
        }
        if let invited = pending.first(where: { $0.address == name }) { return [.dispatch(.threads(.join(invited)))] }
        // natterd's thread ids (`m:7`) are no room address, so one typed without an invitation is still a thread.
        guard name.hasPrefix("m:") else { return nil }
        return [.dispatch(.threads(.join(.thread(name, account: state.currentAccount))))]
    }

    static func threads(state: ClientState) -> [AppAction] {
        let invitations = state.threadInvitations.sorted { $0.key < $1.key }.map { id, invitation in
            let who = TextSanitizer.line(state.displayName(of: invitation.from))
            return AppAction.dispatch(.notice(.info("  \(id.address): invited by \(who) (/join \(id.address))")))
        }
        let open = state.windows.compactMap(\.conversationID).filter { $0.kind == .thread }.map { id in
            let people = (state.conversations[id]?.occupants ?? []).map {
                TextSanitizer.line(state.displayName(of: $0))
            }
            return AppAction.dispatch(.notice(.info("  \(id.address): \(people.sorted().joined(separator: ", "))")))
        }
        guard !invitations.isEmpty || !open.isEmpty else {
            return [.dispatch(.notice(.info("no threads; /invite USER [text] starts one")))]
        }
        return [.dispatch(.activate(.console))] + invitations + open
    }
}
