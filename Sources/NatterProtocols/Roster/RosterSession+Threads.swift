import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

/// Threads and their history. natterd names a 1:1 chat's thread `d:a:b` (local parts in order) and a
/// multi-user one `m:N`; history is numbered by `seq` without gaps, so a page below the oldest `seq` shown
/// follows on exactly, and `seq` 1 is the beginning.
extension RosterSession {
    /// Asks for the newest page when nothing is shown yet.
    static let newestPage = Int64.max

    static func messageTarget(_ id: ConversationID) -> RosterRequest.MessageTarget? {
        switch id.target {
        case .direct(let jid): .address(jid.bareString)
        case .thread(let thread): .thread(thread)
        default: nil
        }
    }

    /// natterd's thread id for the 1:1 chat with `peer`.
    func directThread(with peer: JID) -> String? {
        guard let me else { return nil }
        let names = [me.local.lowercased(), peer.local.lowercased()].sorted()
        return "d:\(names[0]):\(names[1])"
    }

    /// A message's id from what both a live notification and a history page carry, so the same message
    /// arriving both ways is shown once.
    static func messageID(thread: String, timestamp: Int64, sender: JID) -> String {
        "zimbra-\(thread)-\(timestamp)-\(sender.bareString)"
    }

    /// Unique per account (the engine finds messages by key across conversations); ends in the `seq`.
    static func serverKey(thread: String, seq: Int64) -> String { "zimbra:\(thread):\(seq)" }

    static func seq(ofServerKey key: String) -> Int64? {
        key.split(separator: ":").last.flatMap { Int64($0) }
    }

    func historyRequest(_ id: ConversationID, before: String?) -> (RosterRequest, Pending)? {
        let thread: String
        switch id.target {
        case .thread(let name): thread = name
        case .direct(let peer):
            guard let name = directThread(with: peer) else { return nil }
            thread = name
        default: return nil
        }
        let bound = before.flatMap(Self.seq(ofServerKey:)) ?? Self.newestPage
        return (.getChat(thread: thread, seq: nil, before: bound), .history(id))
    }

    func threadRequest(_ command: ThreadCommand) -> (RosterRequest, Pending)? {
        switch command {
        case .invite(let user, let text, let thread, let peer):
            guard let into = thread ?? directThread(with: peer ?? user) else { return nil }
            return (.modifyChat(thread: into, .addUser(addr: user.bareString, invitation: text)), .thread(into))
        case .join(let thread):
            return (.joinChat(thread: thread, addr: nil), .thread(thread))
        case .leave(let thread):
            return (.modifyChat(thread: thread, .close), .none)
        }
    }

    func threadOutcome(_ response: RosterResponse, for pending: Pending) -> [EngineEvent] {
        switch (pending, response) {
        case (.thread, .modifyChat(let thread, true)), (.thread, .joinChat(let thread?, true)):
            return [.threads(.started(thread))]
        case (.thread(let asked), .joinChat(nil, true)):
            return [.threads(.started(asked))]
        case (.thread(let asked), _):
            return [.session(.notice(.warning("there is no thread \(asked)")))]
        case (.history(let id), .getChat(.found(let chat))):
            let messages = history(chat, in: id)
            let first = chat.messages.map(\.seq).min()
            return [.chat(.historyLoaded(id, messages, hasMore: (first ?? 1) > 1))]
        case (.history(let id), _):
            return [.chat(.historyLoaded(id, [], hasMore: false))]
        default:
            return []
        }
    }

    private func history(_ chat: IMChat, in id: ConversationID) -> [Message] {
        let senders = Dictionary(
            chat.participants.compactMap { participant in
                JID(participant.addr, defaultDomain: domain).map { (participant.id, ($0.bare, participant.name)) }
            }, uniquingKeysWith: { first, _ in first })
        return chat.messages.compactMap { entry in
            guard let (sender, name) = senders[entry.from] else { return nil }
            let text = entry.content.body?.text ?? entry.content.subjects.map(\.text).joined(separator: "\n")
            return Message(
                id: Self.messageID(thread: chat.thread, timestamp: entry.timestamp, sender: sender),
                serverKey: Self.serverKey(thread: chat.thread, seq: entry.seq), conversation: id, sender: sender,
                senderName: name, text: text, timestamp: Date(timeIntervalSince1970: Double(entry.timestamp) / 1000),
                isOutgoing: sender == me)
        }
    }
}
