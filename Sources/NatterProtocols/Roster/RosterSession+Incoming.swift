import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

extension RosterSession {
    func events(for notification: IMNotification, now: Date) -> [EngineEvent] {
        switch notification {
        case .roster(let items):
            return [.roster(.loaded(items.filter { $0.state == .subscribed }.compactMap(contact(from:))))]
        case .rosterItem(let item):
            return [.session(.notice(.info(Self.rosterChangedPrefix + "\(item.addr) \(describe(item))")))]
        case .presence(let from, let presence):
            // A status per language comes as one presence each after the neutral one, which alone is shown.
            guard presence.lang == nil, let jid = JID(from, defaultDomain: domain) else { return [] }
            return [
                .presence(.changed(jid.bare, IMShow.presence(of: presence.show), status: presence.status, since: nil))
            ]
        case .message(let from, let thread, let timestamp, let content, let error):
            return message(from: from, thread: thread, timestamp: timestamp, content: content, error: error)
        case .subscribe(let from):
            guard let jid = JID(from, defaultDomain: domain) else { return [] }
            return [.subscriptions(.requested(jid.bare))]
        case .invited(let thread, let addr, let message):
            guard let jid = JID(addr, defaultDomain: domain) else { return [] }
            return [.threads(.invited(ThreadInvitation(thread: thread, from: jid, text: message)))]
        case .enteredChat(let thread, let addr):
            guard let jid = JID(addr, defaultDomain: domain) else { return [] }
            return [.threads(.entered(thread: thread, jid.bare))]
        case .leftChat(let thread, let addr):
            guard let jid = JID(addr, defaultDomain: domain) else { return [] }
            return [.threads(.left(thread: thread, jid.bare))]
        case .gatewayStatus(let service, let state, let timeUntilNextConnect):
            return [
                .gateways(
                    .status(service: service, state: state.rawValue, timeUntilNextConnect: timeUntilNextConnect))
            ]
        case .otherLocation(let service, let username):
            return [.gateways(.otherLocation(service: service, username: username))]
        case .unrecognized:
            return []
        }
    }

    private func message(
        from: String, thread: String, timestamp: Int64, content: IMMessageContent, error: String?
    ) -> [EngineEvent] {
        guard let sender = JID(from, defaultDomain: domain)?.bare else { return [] }
        let outgoing = sender == me
        let conversation: ConversationID
        if thread.hasPrefix("m:") {
            conversation = .thread(thread)
        } else {
            // My own message from another session lands in the conversation with the thread's other user.
            guard let peer = outgoing ? peer(in: thread) : sender else { return [] }
            conversation = .direct(peer)
        }
        let text = content.body?.text ?? content.subjects.map(\.text).joined(separator: "\n")
        if let error {
            return [.session(.notice(.warning("a message in \(conversation.address) was not delivered: \(error)")))]
        }
        if text.isEmpty {
            return outgoing ? [] : [.chat(.typing(conversation, sender, content.typing))]
        }
        let date = Date(timeIntervalSince1970: Double(timestamp) / 1000)
        let message = Message(
            id: Self.messageID(thread: thread, timestamp: timestamp, sender: sender), conversation: conversation,
            sender: sender, text: text,
            timestamp: date, isOutgoing: outgoing, delivery: .sent)
        return [.chat(.received(message))]
    }

    /// The other user of natterd's 1:1 thread id `d:a:b`.
    private func peer(in thread: String) -> JID? {
        let parts = thread.split(separator: ":").map(String.init)
        guard parts.count == 3, parts[0] == "d", let me else { return nil }
        let other = parts[1] == me.local.lowercased() ? parts[2] : parts[1]
        return JID(local: other, domain: domain)
    }

    private func contact(from item: IMRosterItem) -> Contact? {
        guard let jid = JID(item.addr, defaultDomain: domain) else { return nil }
        var contact = Contact(jid: jid.bare, displayName: item.name, groups: item.groups)
        contact.awaitingAuthorization = item.ask == .subscribe
        return contact
    }

    private func describe(_ item: IMRosterItem) -> String {
        let state = item.state == .unsubscribed ? "removed" : "subscription \(item.subscription?.rawValue ?? "none")"
        return item.ask == .subscribe ? "\(state), request pending" : state
    }
}
