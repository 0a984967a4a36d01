import NatterEngine
import NatterModel

/// Channel commands (Cloudonix API.Messaging). Those that act on a channel take the active window when it is
/// one; administrator-only commands are refused with the reason before anything is sent.
extension CommandParser {
    static let channelsCommands: [CommandEntry] = [
        CommandEntry(["channels"], help: "/channels [NAME]     list your channels with unread counts, or open #NAME") {
            $0.channels($1.arguments, state: $2)
        },
        CommandEntry(["create"], help: "/create NAME [TOKEN] create channel NAME; a known TOKEN joins its channel") {
            parser, input, state in parser.create(input.arguments, state: state)
        },
        CommandEntry(["topic", "rename"], help: "/topic NAME          rename the current channel (administrators)") {
            $0.rename($1.rest, state: $2)
        },
        CommandEntry(["invite"], help: "/invite USER [admin] invite USER to the current channel (administrators)") {
            $0.invite($1.arguments, state: $2)
        },
        CommandEntry(["kick"], help: "/kick USER           remove USER from the current channel (administrators)") {
            $0.kick($1.arguments, state: $2)
        },
        CommandEntry(
            ["members"], help: "/members             the current channel's members, administrators and who is online"
        ) {
            $0.members(state: $2)
        },
        CommandEntry(
            ["announce"], help: "/announce STATE [text]  available | busy | dnd | invisible, for channels and contacts"
        ) { parser, input, _ in parser.announce(input.arguments, rest: String(input.rest)) },
        CommandEntry(["nicklist"], help: "/nicklist [on|off]   show or hide the member list of rooms (Alt+m toggles)") {
            _, input, _ in
            switch input.arguments.first?.lowercased() {
            case nil: [.showMembers(nil)]
            case "on"?: [.showMembers(true)]
            case "off"?: [.showMembers(false)]
            case let other?: [Self.error("/nicklist: say on or off, not \(other)")]
            }
        },
    ]

    /// The active window's channel, if it is one.
    private func activeChannel(state: ClientState) -> (id: ConversationID, channel: Channel)? {
        guard let id = state.activeWindow.conversationID, id.kind == .channel else { return nil }
        return (id, state.channels[id] ?? Channel(id: id.address, name: id.address))
    }

    private static func notAChannel(_ command: String) -> AppAction {
        error("/\(command): this window is not a channel; /channels NAME opens one")
    }

    /// Whether we administer `channel`, as far as the member list says.
    private static func administers(_ channel: Channel, on id: ConversationID, state: ClientState) -> Bool {
        guard let me = state.accounts[id.account]?.identity?.bare else { return false }
        return channel.members.first { $0.jid == me }?.role == .admin
    }

    /// Runs `body` on the active channel when we administer it; otherwise the reason.
    private func administered(
        _ command: String, state: ClientState, _ body: (ConversationID, Channel) -> [AppAction]
    ) -> [AppAction] {
        guard let (id, channel) = activeChannel(state: state) else { return [Self.notAChannel(command)] }
        guard Self.administers(channel, on: id, state: state) else {
            return [Self.error("/\(command): only administrators of #\(channel.name) can do that")]
        }
        return body(id, channel)
    }

    func channels(_ arguments: [String], state: ClientState) -> [AppAction] {
        let known = state.channels.sorted { $0.value.name.lowercased() < $1.value.name.lowercased() }
        if let name = arguments.first {
            let wanted = String(name.trimmingPrefix("#")).lowercased()
            guard let match = known.first(where: { $0.value.name.lowercased() == wanted || $0.key.address == wanted })
            else {
                return [Self.error("/channels: you are in no channel named \(name)")]
            }
            return [.dispatch(.openConversation(match.key))]
        }
        guard !known.isEmpty else { return [.dispatch(.notice(.info("no channels; /create NAME makes one")))] }
        return known.map { id, channel in
            let unread = state.conversations[id]?.unread ?? 0
            let role = Self.administers(channel, on: id, state: state) ? " (admin)" : ""
            let name = TextSanitizer.line(channel.name)
            return .dispatch(.notice(.info("  #\(name)\(role): \(channel.members.count) members, \(unread) unread")))
        }
    }

    func create(_ arguments: [String], state: ClientState) -> [AppAction] {
        guard let name = arguments.first else { return [Self.error("usage: /create NAME [INVITE-TOKEN]")] }
        let token = arguments.dropFirst().first
        return [.dispatch(.channels(.create(account: state.currentAccount, name: name, inviteToken: token)))]
    }

    func rename(_ rest: Substring, state: ClientState) -> [AppAction] {
        let name = rest.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return [Self.error("usage: /topic NAME")] }
        return administered("topic", state: state) { id, _ in [.dispatch(.channels(.rename(id, name: name)))] }
    }

    func invite(_ arguments: [String], state: ClientState) -> [AppAction] {
        guard activeChannel(state: state) != nil else { return inviteToThread(arguments, state: state) }
        guard let user = arguments.first, arguments.count <= 2, arguments.dropFirst().allSatisfy({ $0 == "admin" })
        else {
            return [Self.error("usage: /invite USER [admin]")]
        }
        guard let jid = Self.resolveContact(user, state: state) else {
            return [Self.error("/invite: \(user) is not a valid address")]
        }
        return administered("invite", state: state) { id, _ in
            [.dispatch(.channels(.invite(id, member: jid, admin: arguments.count == 2)))]
        }
    }

    func kick(_ arguments: [String], state: ClientState) -> [AppAction] {
        guard let user = arguments.first, let jid = Self.resolveContact(user, state: state) else {
            return [Self.error("usage: /kick USER")]
        }
        if let (id, _) = activeChannel(state: state), jid == state.accounts[id.account]?.identity?.bare {
            return [.dispatch(.channels(.leave(id)))]
        }
        return administered("kick", state: state) { id, _ in [.dispatch(.channels(.kick(id, member: jid)))] }
    }

    /// One console line per member, administrators first, with who is online; asks the server for a fresh list.
    func members(state: ClientState) -> [AppAction] {
        guard let (id, channel) = activeChannel(state: state) else { return [Self.notAChannel("members")] }
        let sorted = channel.members.sorted {
            $0.role != $1.role ? $0.role == .admin : $0.jid.bareString < $1.jid.bareString
        }
        var actions: [AppAction] = sorted.map { member in
            let role = member.role == .admin ? "@" : " "
            let online = member.presence.isOnline ? member.presence.label : "offline"
            return .dispatch(.notice(.info(" \(role)\(member.jid.bareString) \(online)")))
        }
        let online = channel.members.filter { $0.presence.isOnline }.count
        let name = TextSanitizer.line(channel.name)
        actions.append(.dispatch(.notice(.info("#\(name): \(channel.members.count) members, \(online) online"))))
        actions.append(.dispatch(.channels(.members(id))))
        return actions
    }

    func announce(_ arguments: [String], rest: String) -> [AppAction] {
        let presence: Presence
        switch arguments.first?.lowercased() {
        case "available", "online": presence = .available
        case "busy": presence = .away
        case "dnd": presence = .dnd
        case "invisible", "offline": presence = .unavailable
        default: return [Self.error("usage: /announce available|busy|dnd|invisible [status text]")]
        }
        let status = rest.dropFirst(arguments[0].count).trimmingCharacters(in: .whitespaces)
        return [.dispatch(.setPresence(presence, status: status.isEmpty ? nil : status))]
    }
}
