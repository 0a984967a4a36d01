import Foundation
import NatterCodecs

/// Turns the core's events for one user into Zimbra IM notifications. Only what Zimbra can show: 1:1 chats
/// and typing as messages on the pair's thread, and watchers' presence; edits, deletions and team rooms
/// have no Zimbra IM counterpart and are left to the doors that carry them.
struct RosterEventEncoder: Sendable {
    let domain: String
    let blocklist: RosterBlocklist
    let presenceBook: RosterPresenceBook
    let subscriptions: RosterSubscriptionBook
    let clock: any ServerClock

    func address(_ user: String) -> String { "\(user)@\(domain)" }

    func notifications(for event: HubEvent, to user: String) -> [IMNotification] {
        switch event {
        case .presence(let presence):
            // Room occupancy is addressed to the room; Zimbra IM watchers see only users.
            guard presence.to.local.lowercased() == user.lowercased(), presence.from.domain == domain,
                !blocklist.separates(presence.from.local, user, domain: domain),
                subscriptions.sees(user, presence.from.local)
            else { return [] }
            return presenceBook.notifications(
                from: presence.from.local, address: presence.from.bareString, presence: presence.presence)
        case .message(let event):
            let message = event.message
            guard let recipient = message.recipientName,
                !blocklist.separates(message.sender.name, recipient, domain: domain)
            else { return [] }
            let thread = RosterThreadID.direct(between: message.sender.name, and: recipient)
            return [
                .message(
                    from: address(message.sender.name), thread: thread.description,
                    timestamp: RosterEventEncoder.milliseconds(message.createdAt),
                    content: IMMessageContent(body: .init(message.text)))
            ]
        case .typing(let typing):
            guard typing.to.local.lowercased() == user.lowercased(), typing.from.domain == domain,
                !blocklist.separates(typing.from.local, user, domain: domain)
            else { return [] }
            let thread = RosterThreadID.direct(between: typing.from.local, and: user)
            return [
                .message(
                    from: typing.from.bareString, thread: thread.description,
                    timestamp: RosterEventEncoder.milliseconds(clock.now()),
                    content: IMMessageContent(typing: typing.state == .composing))
            ]
        case .roster(let entries):
            return [.roster(entries.filter { $0.jid.domain == domain }.map { rosterItem($0, owner: user) })]
        case .messageEdited, .messageDeleted:
            return []
        }
    }

    func rosterItem(_ entry: RosterEntry, owner: String) -> IMRosterItem {
        let (subscription, ask) = subscriptions.state(of: entry.jid.local, for: owner)
        return IMRosterItem(
            addr: entry.jid.bareString, name: entry.name, groups: entry.groups, subscription: subscription, ask: ask)
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
