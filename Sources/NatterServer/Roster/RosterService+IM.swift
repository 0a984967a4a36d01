import Foundation
import NatterCodecs
import NatterModel

/// The IM requests, once the session is known.
extension RosterService {
    /// The most messages one IMGetChat returns; the client pages on with the next `seq`.
    static let chatPageSize = 100

    func perform(_ request: RosterRequest, user: StoredUser, session: RosterSession) async throws -> RosterResponse {
        if let gateways, let answer = try await gateways.perform(request, user: user) { return answer }
        switch request {
        case .auth:
            // Handled before a session exists; a second AuthRequest is answered there too.
            throw ZimbraFault(code: .invalidRequest, reason: "AuthRequest is answered before the session")
        case .noOp:
            return .noOp(waitDisallowed: false)
        case .getRoster:
            return try await getRoster(user: user, session: session)
        case .setPresence(let presences):
            return try await setPresence(presences, session: session)
        case .getChat(let thread, let seq, let before):
            let page = RosterChatPage(seq: seq, before: before)
            if case .group(let id)? = RosterThreadID(thread) {
                return try await getGroupChat(id, thread: thread, page: page, user: user)
            }
            return try await getChat(thread, page: page, user: user)
        case .sendMessage(.thread(let thread), let content):
            if case .group(let id)? = RosterThreadID(thread) {
                return try await sendGroup(content, to: id, thread: thread, user: user, session: session)
            }
            return try await sendMessage(content, to: .thread(thread), user: user, session: session)
        case .sendMessage(let target, let content):
            return try await sendMessage(content, to: target, user: user, session: session)
        case .modifyChat(let thread, .close):
            if case .group(let id)? = RosterThreadID(thread) {
                return try await leaveGroup(id, thread: thread, user: user)
            }
            return .modifyChat(thread: thread, found: directPeer(thread, user: user) != nil)
        case .modifyChat(let thread, .addUser(let addr, let invitation)):
            return try await invite(addr, text: invitation, into: thread, user: user)
        case .joinChat(let thread, _):
            if case .group(let id)? = RosterThreadID(thread) {
                return try await joinGroup(id, thread: thread, user: user)
            }
            let found = directPeer(thread, user: user) != nil
            return .joinChat(thread: found ? thread : nil, found: found)
        case .modifyWhitelist(let change):
            return try await modifyWhitelist(change, user: user)
        case .subscribe, .authorizeSubscribe:
            return try await subscriptionRequest(request, user: user, session: session)
        case .gatewayList:
            return .gatewayList([])
        case .gatewayRegister(let service, _):
            throw ZimbraFault(code: .invalidRequest, reason: "no gateway service \(service)")
        }
    }

    // MARK: - Presence

    private func setPresence(_ presences: [IMPresence], session: RosterSession) async throws -> RosterResponse {
        guard let hubSession = session.hubSession else { throw ZimbraFault(code: .failure, reason: "session ended") }
        // The language-neutral presence speaks for the user; the others only add statuses.
        let main = presences.first { $0.lang == nil } ?? presences[0]
        let presence = IMShow.presence(of: main.show)
        presenceBook.set(
            presences.filter { IMShow.presence(of: $0.show) == presence }, for: session.user.name)
        try await coreCall { try await core.setPresence(presence, for: hubSession) }
        return .setPresence
    }

    // MARK: - Threads

    /// The other user of a 1:1 thread `user` takes part in.
    func directPeer(_ thread: String, user: StoredUser) -> String? {
        RosterThreadID(thread)?.peer(of: user.name)
    }

    private func getChat(_ thread: String, page: RosterChatPage, user: StoredUser) async throws -> RosterResponse {
        guard let peerName = directPeer(thread, user: user),
            let peer = try await coreCall({ try await core.storage.user(named: peerName) })
        else { return .getChat(.notFound(thread: thread)) }
        let found = try await coreCall {
            try await store.directChat(between: user, and: peer, page: page, limit: Self.chatPageSize)
        }
        let participants = [
            IMChat.Participant(id: "1", addr: encoder.address(user.name), name: user.displayName),
            IMChat.Participant(id: "2", addr: encoder.address(peer.name), name: peer.displayName),
        ]
        let messages = found.messages.map { entry in
            IMChat.Message(
                seq: entry.seq, timestamp: RosterEventEncoder.milliseconds(entry.message.createdAt),
                from: entry.message.sender.id == user.id ? "1" : "2",
                content: IMMessageContent(body: .init(entry.message.text)))
        }
        return .getChat(.found(IMChat(thread: thread, participants: participants, messages: messages)))
    }

    private func sendMessage(
        _ content: IMMessageContent, to target: RosterRequest.MessageTarget, user: StoredUser, session: RosterSession
    ) async throws -> RosterResponse {
        let peer: StoredUser
        switch target {
        case .thread(let thread):
            guard let name = directPeer(thread, user: user),
                let found = try await coreCall({ try await core.storage.user(named: name) })
            else { throw ZimbraFault(code: .invalidRequest, reason: "no thread \(thread)") }
            peer = found
        case .address(let addr):
            peer = try await requireUser(addr)
        }
        let thread = RosterThreadID.direct(between: user.name, and: peer.name).description
        guard let hubSession = session.hubSession else { throw ZimbraFault(code: .failure, reason: "session ended") }
        // A blocked party learns nothing, not even that it is blocked.
        if blocklist.separates(user.name, peer.name, domain: domain) { return .sendMessage(thread: thread) }
        let to = encoder.address(peer.name)
        let text = content.body?.text ?? ""
        if !text.isEmpty || !content.subjects.isEmpty {
            let body = text.isEmpty ? content.subjects.map(\.text).joined(separator: "\n") : text
            _ = try await coreCall {
                try await core.sendChat(HubService.OutgoingChat(to: to, text: body), from: hubSession)
            }
        } else {
            try await coreCall {
                try await core.typing(content.typing ? .composing : .stopped, to: to, from: hubSession)
            }
        }
        return .sendMessage(thread: thread)
    }

    /// The user an address names; `im.INVALID_ADDRESS` when none does.
    func requireUser(_ addr: String) async throws -> StoredUser {
        guard let jid = JID(addr.trimmingCharacters(in: .whitespaces), defaultDomain: domain),
            jid.domain.lowercased() == domain.lowercased(),
            let user = try await coreCall({ try await core.storage.user(named: jid.local) })
        else { throw ZimbraFault(code: .invalidAddress, reason: "no such user: \(addr)") }
        return user
    }

    // MARK: - Blocking

    private func modifyWhitelist(
        _ change: RosterRequest.WhitelistChange?, user: StoredUser
    ) async throws
        -> RosterResponse
    {
        if let change {
            let addr = try await blockEntry(change.addr, user: user)
            try await coreCall { try await store.setBlocked(addr, blocked: change.op == .block, by: user) }
            blocklist.set(addr, blocked: change.op == .block, by: user.name)
        }
        return .modifyWhitelist(blocked: blocklist.blocked(by: user.name))
    }

    /// A block entry: a user of this server as a bare address, or another domain.
    private func blockEntry(_ addr: String, user: StoredUser) async throws -> String {
        let text = addr.trimmingCharacters(in: .whitespaces).lowercased()
        if !text.contains("@") {
            let labels = text.split(separator: ".", omittingEmptySubsequences: false)
            let valid =
                labels.count > 1
                && labels.allSatisfy { label in
                    !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
                }
            guard valid, text != domain.lowercased() else {
                throw ZimbraFault(code: .invalidAddress, reason: "not an address or another domain: \(addr)")
            }
            return text
        }
        let blocked = try await requireUser(text)
        guard blocked.id != user.id else { throw ZimbraFault(code: .invalidAddress, reason: "cannot block yourself") }
        return encoder.address(blocked.name).lowercased()
    }
}
