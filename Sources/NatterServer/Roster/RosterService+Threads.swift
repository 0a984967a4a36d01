import Foundation
import NatterCodecs

/// Multi-user threads (`m:<n>`): invite, join, leave and sequence-numbered history, delivered to the
/// members' Zimbra sessions. Inviting someone into a 1:1 thread starts a multi-user thread with both
/// participants already in it, and the answer names the new thread.
extension RosterService {
    func invite(_ addr: String, text: String, into thread: String, user: StoredUser) async throws -> RosterResponse {
        let invitee = try await requireUser(addr)
        let id: Int64
        // Who a 1:1 thread turned into this one brought along: they learn of it by `enteredchat`.
        var founders: [StoredUser] = []
        switch RosterThreadID(thread) {
        case .group(let group)?:
            guard try await coreCall({ try await store.threadMembers(group) }) != nil else {
                return .modifyChat(thread: thread, found: false)
            }
            let members = try await requireJoined(group, thread: thread, user: user)
            id = group
            if members.contains(where: { $0.user.id == invitee.id }) { return .modifyChat(thread: thread, found: true) }
        case .direct?:
            guard let peerName = directPeer(thread, user: user),
                let peer = try await coreCall({ try await core.storage.user(named: peerName) })
            else { return .modifyChat(thread: thread, found: false) }
            id = try await coreCall { try await store.createThread(members: [user, peer], at: clock.now()) }
            founders = [user, peer].filter { $0.id != invitee.id }
        case nil:
            return .modifyChat(thread: thread, found: false)
        }
        try await coreCall { try await store.setMember(invitee, of: id, joined: false) }
        let groupThread = RosterThreadID.group(id).description
        if founders.count > 1 {
            deliver(
                founders.map { .enteredChat(thread: groupThread, addr: encoder.address($0.name)) },
                to: founders.map(\.name))
        }
        if !blocklist.separates(user.name, invitee.name, domain: domain) {
            deliver(
                [.invited(thread: groupThread, addr: encoder.address(user.name), message: text)], to: [invitee.name])
        }
        return .modifyChat(thread: groupThread, found: true)
    }

    func joinGroup(_ id: Int64, thread: String, user: StoredUser) async throws -> RosterResponse {
        guard let members = try await coreCall({ try await store.threadMembers(id) }),
            let me = members.first(where: { $0.user.id == user.id })
        else {
            // Unknown threads are not found; known ones without an invitation are refused.
            if try await coreCall({ try await store.threadMembers(id) }) == nil {
                return .joinChat(thread: nil, found: false)
            }
            throw ZimbraFault(code: .permissionDenied, reason: "not invited to \(thread)")
        }
        if !me.joined {
            try await coreCall { try await store.setMember(user, of: id, joined: true) }
            let everyone = members.filter { $0.joined }.map(\.user.name) + [user.name]
            deliver([.enteredChat(thread: thread, addr: encoder.address(user.name))], to: everyone)
        }
        return .joinChat(thread: thread, found: true)
    }

    func leaveGroup(_ id: Int64, thread: String, user: StoredUser) async throws -> RosterResponse {
        guard let members = try await coreCall({ try await store.threadMembers(id) }),
            members.contains(where: { $0.user.id == user.id })
        else { return .modifyChat(thread: thread, found: false) }
        try await coreCall { try await store.removeMember(user, of: id) }
        let others = members.filter { $0.joined && $0.user.id != user.id }.map(\.user.name)
        deliver([.leftChat(thread: thread, addr: encoder.address(user.name))], to: others)
        return .modifyChat(thread: thread, found: true)
    }

    func sendGroup(
        _ content: IMMessageContent, to id: Int64, thread: String, user: StoredUser, session: RosterSession
    ) async throws -> RosterResponse {
        let members = try await requireJoined(id, thread: thread, user: user)
        let text = content.body?.text ?? ""
        let stored = !text.isEmpty || !content.subjects.isEmpty
        let now = clock.now()
        var seq: Int64?
        if stored {
            let body = text.isEmpty ? content.subjects.map(\.text).joined(separator: "\n") : text
            seq = try await coreCall { try await store.appendMessage(to: id, from: user, text: body, at: now) }
        }
        let notification = IMNotification.message(
            from: encoder.address(user.name), thread: thread, timestamp: RosterEventEncoder.milliseconds(now),
            content: content)
        let audience = members.filter { $0.joined && !blocklist.separates(user.name, $0.user.name, domain: domain) }
        for member in audience {
            for target in sessions.sessions(of: member.user.name) where target.id != session.id {
                target.deliver([notification])
            }
        }
        return .sendMessage(thread: thread, seq: seq)
    }

    func getGroupChat(
        _ id: Int64, thread: String, page: RosterChatPage, user: StoredUser
    ) async throws -> RosterResponse {
        guard let members = try await coreCall({ try await store.threadMembers(id) }),
            members.contains(where: { $0.user.id == user.id })
        else { return .getChat(.notFound(thread: thread)) }
        let messages = try await coreCall {
            try await store.threadMessages(id, page: page, limit: Self.chatPageSize)
        }
        // Participants are numbered for this answer; former members who wrote keep a number too.
        var people = members.filter(\.joined).map(\.user)
        for message in messages where !people.contains(message.sender) { people.append(message.sender) }
        let ids = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1.id, String($0 + 1)) })
        return .getChat(
            .found(
                IMChat(
                    thread: thread,
                    participants: people.map {
                        IMChat.Participant(id: ids[$0.id] ?? "", addr: encoder.address($0.name), name: $0.displayName)
                    },
                    messages: messages.map {
                        IMChat.Message(
                            seq: $0.seq, timestamp: RosterEventEncoder.milliseconds($0.createdAt),
                            from: ids[$0.sender.id] ?? "", content: IMMessageContent(body: .init($0.text)))
                    })))
    }

    /// The threads `user` has joined, with the other members, for IMGetRoster.
    func activeChats(of user: StoredUser) async throws -> [IMActiveChat] {
        var chats: [IMActiveChat] = []
        for id in try await coreCall({ try await store.threads(of: user) }) {
            let members = try await coreCall { try await store.threadMembers(id) } ?? []
            chats.append(
                IMActiveChat(
                    thread: RosterThreadID.group(id).description,
                    participants: members.filter { $0.joined && $0.user.id != user.id }.map {
                        encoder.address($0.user.name)
                    }))
        }
        return chats
    }

    private func requireJoined(_ id: Int64, thread: String, user: StoredUser) async throws -> [RosterThreadMember] {
        guard let members = try await coreCall({ try await store.threadMembers(id) }) else {
            throw ZimbraFault(code: .invalidRequest, reason: "no thread \(thread)")
        }
        guard members.contains(where: { $0.user.id == user.id && $0.joined }) else {
            throw ZimbraFault(code: .permissionDenied, reason: "join \(thread) first")
        }
        return members
    }

    /// Queues door-made notifications on every Zimbra session of the users.
    func deliver(_ notifications: [IMNotification], to users: [String]) {
        for user in Set(users.map { $0.lowercased() }) {
            for session in sessions.sessions(of: user) { session.deliver(notifications) }
        }
    }
}
