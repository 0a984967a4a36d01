import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

/// The Zimbra IM client, pure: which request an engine command becomes, and which engine events a response
/// and its notifications become. It keeps the auth token, the session and the highest notification block
/// processed, so a new login after `service.AUTH_EXPIRED` continues where the last one stopped.
public struct RosterSession: Sendable {
    /// What a request was sent for, so its answer can be reported.
    public enum Pending: Sendable, Equatable {
        case none
        case chat(localID: String)
        case roster
        /// IMModifyWhitelist: the answer is the blocked list.
        case whitelist
        /// IMModifyChat adduser or IMJoinChat: the answer names the thread we are now in.
        case thread(String)
        /// IMGetChat for a window's history.
        case history(ConversationID)
        /// IMGatewayList or IMGatewayRegister.
        case gateways
    }

    public static let capabilities: Set<Capability> = [
        .chat, .typing, .presence, .roster, .subscriptions, .threads, .gateways,
    ]
    /// Next to a Realtime adapter of the same natterd account, which already carries chat, presence and the
    /// roster: this one then carries only what Realtime lacks.
    public static let subscriptionCapabilities: Set<Capability> = [.subscriptions, .threads, .gateways]

    public let domain: String
    /// Whether chats, typing, presence and the roster are reported (false next to Realtime, so nothing
    /// arrives twice).
    public let carriesChat: Bool
    public private(set) var authToken: String?
    public private(set) var sessionID: String?
    /// The highest `<notify seq>` processed.
    public private(set) var seq: Int64?
    public private(set) var me: JID?

    /// What `/presence STATE` without a text says, per language.
    public let statusTexts: RosterStatusTexts

    public init(domain: String, carriesChat: Bool = true, statusTexts: RosterStatusTexts = RosterStatusTexts()) {
        self.domain = domain
        self.carriesChat = carriesChat
        self.statusTexts = statusTexts
    }

    public var capabilities: Set<Capability> { carriesChat ? Self.capabilities : Self.subscriptionCapabilities }

    public var context: ZimbraRequestContext {
        // A bare `<session/>` asks for a session; later requests name it and acknowledge what was seen.
        ZimbraRequestContext(authToken: authToken, session: ZimbraSession(id: sessionID, seq: seq))
    }

    public func login(user: String, password: String) -> RosterRequest {
        .auth(account: user.contains("@") ? user : "\(user)@\(domain)", password: password)
    }

    /// The AuthResponse arrived: `authenticated` with my address.
    public mutating func loggedIn(_ response: RosterResponse, user: String) -> [EngineEvent] {
        guard case .auth(let token, _, let session) = response else { return [] }
        authToken = token
        if let session { adopt(session: session) }
        let jid = JID(user, defaultDomain: domain) ?? JID(local: user, domain: domain)
        me = jid.bare
        return [.session(.authenticated(jid.bare))]
    }

    /// The token expired: the next login keeps the session and its place.
    public mutating func tokenExpired() {
        authToken = nil
        renewals += 1
    }

    /// How often an expired token was replaced within the link; a renewal is not a new login for the engine.
    public private(set) var renewals = 0

    /// `loggedIn`'s events for a renewed token: the same session goes on, so the engine must not take it for
    /// a fresh login (which re-sends its unacknowledged messages while the renewing request repeats its own).
    public static func renewalEvents(_ events: [EngineEvent]) -> [EngineEvent] {
        events.filter { if case .session(.authenticated) = $0 { false } else { true } }
    }

    /// The request for an engine command, or `nil` for what this protocol does not carry.
    public func outgoing(_ command: AdapterCommand) -> (RosterRequest, Pending)? {
        switch command {
        case .chat(.send(let localID, let to, let text)):
            guard let target = Self.messageTarget(to) else { return nil }
            return (.sendMessage(to: target, IMMessageContent(body: .init(text))), .chat(localID: localID))
        case .chat(.typing(let to, let composing)):
            guard let target = Self.messageTarget(to) else { return nil }
            return (.sendMessage(to: target, IMMessageContent(typing: composing)), .none)
        case .chat(.fetchHistory(let id, let before, _)):
            return historyRequest(id, before: before)
        case .threads(let command):
            return threadRequest(command)
        case .presence(.set(let presence, let status)):
            let show = IMShow.show(for: presence)
            guard status == nil, !statusTexts.isEmpty else {
                return (.setPresence([IMPresence(show: show, status: status)]), .none)
            }
            let presences = statusTexts.presences(for: presence).map {
                IMPresence(show: show, status: $0.status, lang: $0.lang)
            }
            return (.setPresence(presences), .none)
        case .roster(.add(let jid, let name, let groups)):
            return (.subscribe(addr: jid.bareString, name: name, groups: groups), .roster)
        case .roster(.rename(let jid, let name)):
            return (.subscribe(addr: jid.bareString, name: name), .roster)
        case .roster(.remove(let jid)), .subscriptions(.unsubscribe(let jid)):
            return (.subscribe(addr: jid.bareString, op: .remove), .roster)
        case .subscriptions(.subscribe(let jid, let name, let groups)):
            return (.subscribe(addr: jid.bareString, name: name, groups: groups), .roster)
        case .subscriptions(.authorize(let jid, let addBack)):
            return (.authorizeSubscribe(addr: jid.bareString, authorized: true, add: addBack), .roster)
        case .subscriptions(.deny(let jid)):
            return (.authorizeSubscribe(addr: jid.bareString, authorized: false), .roster)
        case .subscriptions(.block(let address)):
            return (.modifyWhitelist(.init(.block, addr: address)), .whitelist)
        case .subscriptions(.allow(let address)):
            return (.modifyWhitelist(.init(.allow, addr: address)), .whitelist)
        case .subscriptions(.listBlocked):
            return (.modifyWhitelist(nil), .whitelist)
        case .gateways(let command):
            return (Self.request(for: command), .gateways)
        default:
            return nil
        }
    }

    /// A response arrived for `pending`: its notifications and its outcome as events.
    public mutating func received(
        _ response: RosterResponse, context: ZimbraResponseContext?, for pending: Pending, now: Date
    ) -> [EngineEvent] {
        var events = notifications(context, now: now)
        switch (pending, response) {
        case (.chat(let localID), .sendMessage(let thread, let seq?)):
            // Keyed like the thread's history, so the page holding this message does not show it twice.
            let key = Self.serverKey(thread: thread, seq: seq)
            events.append(.chat(.acked(localID: localID, serverKey: key, timestamp: now)))
        case (.chat(let localID), _):
            events.append(.chat(.acked(localID: localID, serverKey: nil, timestamp: now)))
        case (.whitelist, .modifyWhitelist(let blocked)):
            events.append(.subscriptions(.blocked(blocked)))
        case (.thread, _), (.history, _):
            events += threadOutcome(response, for: pending)
        case (.gateways, _):
            events += Self.gatewayEvents(for: response, now: now)
        default:
            break
        }
        return events
    }

    /// A fault arrived for `pending`; its context still carries notifications.
    public mutating func failed(_ fault: ZimbraFault, for pending: Pending, now: Date) -> [EngineEvent] {
        var events = notifications(fault.context, now: now)
        switch pending {
        case .chat(let localID): events.append(.chat(.failed(localID: localID, reason: fault.reason)))
        case .history(let id): events.append(.chat(.historyFailed(id, reason: fault.reason)))
        case .roster, .whitelist, .thread, .gateways, .none:
            events.append(.session(.notice(.warning("the server refused: \(fault.reason)"))))
        }
        return events
    }

    /// Records the session and the new blocks and turns their notifications into events. Blocks already
    /// processed (re-sent because an acknowledgement was lost) are skipped.
    mutating func notifications(_ context: ZimbraResponseContext?, now: Date) -> [EngineEvent] {
        guard let context else { return [] }
        if let id = context.session?.id { adopt(session: id) }
        var events: [EngineEvent] = []
        for block in context.notifications.sorted(by: { $0.seq < $1.seq }) where block.seq > (seq ?? 0) {
            seq = block.seq
            for notification in block.notifications {
                // Next to Realtime only bridged contacts are this adapter's to list (RosterSession+Gateways).
                if case .rosterItem(let item) = notification, carriesChat || item.addr.contains("%") {
                    rosterStale = true
                }
                events += self.events(for: notification, now: now).compactMap {
                    carriesChat ? Optional($0) : Self.withoutChat($0)
                }
            }
        }
        return events
    }

    /// A session id other than ours means ours expired on the server: the new one numbers its blocks from 1
    /// again, and what happened meanwhile is only in a fresh roster.
    private mutating func adopt(session id: String) {
        if let current = sessionID, current != id {
            seq = nil
            rosterStale = carriesChat
        }
        sessionID = id
    }

    /// What a Realtime adapter beside this one already reports; threads are this adapter's alone.
    static func isChatEvent(_ event: EngineEvent) -> Bool {
        switch event {
        case .chat(.received(let message)): message.conversation.kind != .thread
        case .chat(.typing(let id, _, _)): id.kind != .thread
        case .chat, .presence, .roster: true
        default: false
        }
    }

    /// Set when one entry of the roster changed: the adapter asks for the whole roster again.
    public private(set) var rosterStale = false

    /// Whether to ask for the roster now; clears the flag.
    public mutating func takeRosterStale() -> Bool {
        defer { rosterStale = false }
        return rosterStale
    }

    static let rosterChangedPrefix = "roster changed: "
}
