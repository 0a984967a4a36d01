import Foundation
import NatterCodecs
import NatterModel

/// What one bridge knows about its remote account while a realtime connection is up, and how remote frames
/// become the local user's notifications. Pure, like the connection machine: each input returns outputs the
/// shell performs (frames to send, notifications to deliver, the cursor to store).
///
/// Nothing is lost across a reconnect: chats to the remote stay in `outbox` until the remote acks them (and
/// are sent again, with the same id, on the next connection), and after `auth` the bridge asks the remote for
/// every message newer than `cursor` before passing on live ones (docs/protocols/gateways.md).
struct GatewayRemoteSession: Sendable {
    enum Output: Sendable, Equatable {
        case send(RealtimeMessage)
        case deliver([IMNotification])
        case storeCursor(String)
        /// The remote acked the chat: it leaves the stored outbox.
        case settled(chatID: String)
        /// The remote refused the chat for good: it leaves the stored outbox too, rather than being resent forever.
        case refused(chatID: String, reason: String)
        /// The remote accepted `auth`: the connection machine goes online.
        case authenticated
        /// The remote refused `auth` (an expired or foreign session): treated as bad credentials.
        case authRefused
        /// A carbon of a chat the remote account sent from another client: it is in use elsewhere.
        case otherLocation(username: String)
    }

    static let authID = "auth"
    static let rosterID = "roster"
    static let historyLimit = 200

    let service: String
    let resource: String
    private(set) var cursor: String?
    private(set) var contacts: [String: RealtimeRosterContact] = [:]
    /// Chats not yet acked by the remote, in send order; each keeps the id it was stored with, which the
    /// remote's `(sender, id)` dedupe needs to recognise a resend.
    private(set) var outbox: [RealtimeChat]
    private var nextID = 0
    private var me: String?
    private var catchingUp = false
    /// Whether the history being read is the first ever (no cursor): it only finds the newest key.
    private var learningCursor = false
    private var held: [RealtimeChat] = []
    private var otherLocationReported = false
    private(set) var connected = false
    private var localPresence: Presence = .available

    /// `outbox` holds the chats a previous run stored and the remote never acked.
    init(service: String, resource: String, cursor: String?, outbox: [RealtimeChat] = []) {
        self.service = service
        self.resource = resource
        self.cursor = cursor
        self.outbox = outbox
    }

    func address(_ remoteJID: String) -> String { GatewayAddress(service: service, remoteJID: remoteJID).description }

    /// The WebSocket is open: authenticate with the login's session.
    mutating func opened(sessionID: String) -> [Output] {
        [
            .send(
                .auth(RealtimeAuth(id: Self.authID, sessionID: sessionID, agent: "natterd-gateway", resource: resource))
            )
        ]
    }

    mutating func receive(_ message: RealtimeMessage, at instant: Date) -> [Output] {
        switch message {
        case .ack(let ack):
            return acknowledged(ack)
        case .error(let error) where error.id == Self.authID:
            return [.authRefused]
        case .error(let error):
            guard let id = error.id, outbox.contains(where: { $0.id == id }) else { return [] }
            outbox.removeAll { $0.id == id }
            return [.refused(chatID: id, reason: "\(error.code.rawValue): \(error.text)")]
        case .rosterUpdate(let list):
            return replaceContacts(list)
        case .presenceChange(let presence):
            guard let from = presence.from.map(Self.bare), from != me, contacts[from] != nil else { return [] }
            contacts[from]?.presence = presence.presence
            contacts[from]?.status = presence.status
            return [.deliver([.presence(from: address(from), imPresence(presence.presence, presence.status))])]
        case .chat(let chat):
            guard let from = chat.from.map(Self.bare) else { return [] }
            if from == me {
                guard !otherLocationReported, let me else { return [] }
                otherLocationReported = true
                return [.otherLocation(username: me)]
            }
            if catchingUp {
                held.append(chat)
                return []
            }
            return pass([chat], at: instant)
        case .userTyping(let typing):
            guard let from = typing.from.map(Self.bare), from != me, Self.bare(typing.to) == me else { return [] }
            let content = IMMessageContent(typing: typing.state == .composing)
            return [
                .deliver([
                    .message(
                        from: address(from), thread: address(from), timestamp: Self.milliseconds(instant),
                        content: content)
                ])
            ]
        default:
            return []
        }
    }

    /// A chat for the remote, already stored with its id: kept until acked, sent now when connected.
    mutating func send(_ chat: RealtimeChat) -> [Output] {
        outbox.append(chat)
        return connected ? [.send(.chat(chat))] : []
    }

    func typing(_ composing: Bool, to remoteJID: String) -> [Output] {
        guard connected else { return [] }
        return [.send(.userTyping(RealtimeTyping(to: remoteJID, state: composing ? .composing : .done)))]
    }

    /// The local user's presence, mirrored on the remote account while bridged.
    mutating func setLocalPresence(_ presence: Presence) -> [Output] {
        guard presence != localPresence else { return [] }
        localPresence = presence
        return connected && presence.isOnline ? [.send(.presenceChange(RealtimePresence(presence: presence)))] : []
    }

    /// The connection ended: bridged contacts show offline until the next one.
    mutating func disconnected() -> [Output] {
        connected = false
        catchingUp = false
        held = []
        me = nil
        otherLocationReported = false
        let offline = contacts.keys.sorted().map {
            IMNotification.presence(from: address($0), IMPresence(show: .offline))
        }
        for key in contacts.keys { contacts[key]?.presence = .unavailable }
        return offline.isEmpty ? [] : [.deliver(offline)]
    }

    /// The bridged contacts as buddy-list entries, under a group named after the service.
    var rosterItems: [IMRosterItem] {
        contacts.values.sorted { $0.jid < $1.jid }.map {
            IMRosterItem(addr: address($0.jid), name: $0.name, groups: [service], subscription: .both)
        }
    }

    var presenceNotifications: [IMNotification] {
        contacts.values.sorted { $0.jid < $1.jid }.map {
            .presence(from: address($0.jid), imPresence($0.presence, $0.status))
        }
    }

    /// Each bridged contact as a `subscribed` entry followed by its presence.
    var rosterNotifications: [IMNotification] {
        zip(rosterItems, presenceNotifications).flatMap { [IMNotification.rosterItem($0), $1] }
    }

    /// Forgets the bridged contacts (the registration is gone).
    var removalNotifications: [IMNotification] {
        contacts.keys.sorted().map { .rosterItem(IMRosterItem(state: .unsubscribed, addr: address($0))) }
    }

    // MARK: - Private

    private mutating func acknowledged(_ ack: RealtimeAck) -> [Output] {
        switch ack.replyTo {
        case Self.authID:
            guard let jid = ack.jid else { return [.authRefused] }
            me = Self.bare(jid)
            connected = true
            catchingUp = true
            learningCursor = cursor == nil
            var outputs: [Output] = [.authenticated]
            if localPresence.isOnline {
                outputs.append(.send(.presenceChange(RealtimePresence(presence: localPresence))))
            }
            outputs.append(.send(.roster(id: Self.rosterID)))
            outputs.append(history(after: cursor ?? "0"))
            outputs += outbox.map { .send(.chat($0)) }
            return outputs
        case Self.rosterID:
            return replaceContacts((try? RealtimeCodec.rosterContacts(from: ack.response)) ?? [])
        case let id where id.hasPrefix("h"):
            guard let page = try? RealtimeCodec.historyPage(from: ack.response) else { return finishCatchUp() }
            var outputs: [Output] = []
            if learningCursor {
                if let last = page.messages.last?.key { outputs += advance(to: last) }
            } else {
                outputs += pass(page.messages, at: Date())
            }
            if page.more, let last = page.messages.last?.key { return outputs + [history(after: last)] }
            return outputs + finishCatchUp()
        case let id:
            guard outbox.contains(where: { $0.id == id }) else { return [] }
            outbox.removeAll { $0.id == id }
            return [.settled(chatID: id)]
        }
    }

    private mutating func history(after key: String) -> Output {
        nextID += 1
        return .send(
            .history(RealtimeHistoryRequest(id: "h\(nextID)", with: nil, after: key, limit: Self.historyLimit)))
    }

    private mutating func finishCatchUp() -> [Output] {
        catchingUp = false
        learningCursor = false
        let waiting = held
        held = []
        return pass(waiting, at: Date())
    }

    /// Passes on the 1:1 chats from contacts newer than the cursor, oldest first, and moves the cursor.
    private mutating func pass(_ chats: [RealtimeChat], at instant: Date) -> [Output] {
        var notifications: [IMNotification] = []
        var newest: String?
        for chat in chats {
            guard let key = chat.key, Self.isNewer(key, than: cursor), Self.isNewer(key, than: newest) else { continue }
            newest = key
            guard let from = chat.from.map(Self.bare), from != me, Self.bare(chat.to) == me else { continue }
            let stamp = chat.received.flatMap(Self.parseDate) ?? instant
            notifications.append(
                .message(
                    from: address(from), thread: address(from), timestamp: Self.milliseconds(stamp),
                    content: IMMessageContent(body: .init(chat.text))))
        }
        var outputs: [Output] = notifications.isEmpty ? [] : [.deliver(notifications)]
        if let newest { outputs += advance(to: newest) }
        return outputs
    }

    private mutating func advance(to key: String) -> [Output] {
        guard Self.isNewer(key, than: cursor) else { return [] }
        cursor = key
        return [.storeCursor(key)]
    }

    private mutating func replaceContacts(_ list: [RealtimeRosterContact]) -> [Output] {
        var notifications: [IMNotification] = []
        let incoming = Dictionary(list.map { (Self.bare($0.jid), $0) }, uniquingKeysWith: { first, _ in first })
        for gone in contacts.keys.sorted() where incoming[gone] == nil {
            notifications.append(.rosterItem(IMRosterItem(state: .unsubscribed, addr: address(gone))))
        }
        contacts = [:]
        for (jid, contact) in incoming {
            var contact = contact
            contact.jid = jid
            contacts[jid] = contact
        }
        notifications += rosterNotifications
        return notifications.isEmpty ? [] : [.deliver(notifications)]
    }

    private func imPresence(_ presence: Presence, _ status: String?) -> IMPresence {
        IMPresence(show: IMShow.show(for: presence), status: presence.isOnline ? status : nil)
    }

    static func bare(_ jid: String) -> String {
        String(jid.split(separator: "/", maxSplits: 1).first ?? "").lowercased()
    }

    /// Keys are decimal row ids; compared as numbers so a shorter key never sorts after a longer one.
    static func isNewer(_ key: String, than other: String?) -> Bool {
        guard let other else { return true }
        guard let a = Int64(key), let b = Int64(other) else { return key > other }
        return a > b
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
