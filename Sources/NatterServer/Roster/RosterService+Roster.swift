import Foundation
import NatterCodecs
import NatterModel

/// IMGetRoster and the subscriptions: asking (IMSubscribe), answering (IMAuthorizeSubscribe) and leaving.
///
/// The buddy list itself is the core's (the contact store's groups); this door adds who may see whom and
/// which requests wait (`RosterSubscriptionBook`). Blocked parties never hear of each other's requests.
extension RosterService {
    func getRoster(user: StoredUser, session: RosterSession) async throws -> RosterResponse {
        let entries = try await coreCall { try await core.roster(of: user) }
        // The roster itself follows as a notification, as the seed has it, then requests still unanswered.
        let bridged = gateways?.rosterItems(for: user.name) ?? []
        var notifications: [IMNotification] = [
            .roster(entries.map { encoder.rosterItem($0, owner: user.name) } + bridged)
        ]
        notifications += subscriptions.askers(of: user.name)
            .filter { !blocklist.separates($0, user.name, domain: domain) }
            .map { .subscribe(from: encoder.address($0)) }
        notifications += gateways?.rosterExtras(for: user.name) ?? []
        session.deliver(notifications)
        let own = presenceBook.presences(of: user.name).first { $0.lang == nil }
        let presence = await core.hub.presence(of: user.name)
        return .getRoster(
            presence: own ?? IMPresence(show: IMShow.show(for: presence)), chats: try await activeChats(of: user)
        )
    }

    func subscriptionRequest(
        _ request: RosterRequest, user: StoredUser, session: RosterSession
    ) async throws
        -> RosterResponse
    {
        switch request {
        case .subscribe(let addr, .add, let name, let groups):
            return try await subscribe(to: try await requireUser(addr), name: name, groups: groups, user: user)
        case .subscribe(let addr, .remove, _, _):
            return try await unsubscribe(from: try await requireUser(addr), user: user)
        case .authorizeSubscribe(let addr, let authorized, let add, let name, let groups):
            let asker = try await requireUser(addr)
            guard subscriptions.entry(asker.name, user.name)?.asking == true else {
                throw ZimbraFault(code: .invalidRequest, reason: "\(addr) has not asked to subscribe")
            }
            if authorized {
                try await authorize(asker, addBack: add ? (name, groups) : nil, user: user)
            } else {
                try await deny(asker, user: user)
            }
            return .authorizeSubscribe
        default:
            throw ZimbraFault(code: .invalidRequest, reason: "\(request.kind.rawValue) is not a subscription request")
        }
    }

    /// Lists the contact and asks them, unless they already let the user see them.
    private func subscribe(
        to contact: StoredUser, name: String?, groups: [String], user: StoredUser
    ) async throws
        -> RosterResponse
    {
        guard contact.id != user.id else {
            throw ZimbraFault(code: .invalidAddress, reason: "cannot subscribe to yourself")
        }
        let listed = try await coreCall { try await core.storage.contacts(of: user) }.contains {
            $0.user.id == contact.id
        }
        let contactLists = try await coreCall { try await core.storage.contacts(of: contact) }.contains {
            $0.user.id == user.id
        }
        try await coreCall { try await store.listContact(contact, owner: user, name: name, groups: groups) }
        let alreadyGranted = subscriptions.entry(user.name, contact.name)?.granted ?? listed
        if !alreadyGranted {
            try await record(.init(granted: false, asking: true), user, contact)
            // The other side's view is fixed now, so later implicit rules cannot grant it by accident.
            if subscriptions.entry(contact.name, user.name) == nil {
                try await record(.init(granted: contactLists, asking: false), contact, user)
            }
            if !blocklist.separates(user.name, contact.name, domain: domain) {
                deliver([.subscribe(from: encoder.address(user.name))], to: [contact.name])
            }
        }
        await core.buddyListChanged(of: user)
        return .subscribe(addr: encoder.address(contact.name))
    }

    private func authorize(_ asker: StoredUser, addBack: (String?, [String])?, user: StoredUser) async throws {
        try await record(.init(granted: true, asking: false), asker, user)
        if let (name, groups) = addBack {
            try await coreCall { try await store.listContact(asker, owner: user, name: name, groups: groups) }
            try await record(.init(granted: true, asking: false), user, asker)
        }
        try await announceChange(between: asker, and: user)
        // The core sends each side the presence it may now see (the subscribers let it through).
        await core.buddyListChanged(of: asker)
        if addBack != nil { await core.buddyListChanged(of: user) }
    }

    /// Leaves no trace but an `unsubscribed` to the asker, whose list drops the contact.
    private func deny(_ asker: StoredUser, user: StoredUser) async throws {
        try await coreCall { try await store.unlistContact(user, owner: asker) }
        try await record(nil, asker, user)
        if subscriptions.entry(user.name, asker.name)?.asking == false { try await record(nil, user, asker) }
        deliver(
            [
                .rosterItem(
                    IMRosterItem(
                        state: .unsubscribed, addr: encoder.address(user.name),
                        subscription: IMRosterItem.Subscription.none))
            ],
            to: [asker.name])
        await core.buddyListChanged(of: asker)
    }

    private func unsubscribe(from contact: StoredUser, user: StoredUser) async throws -> RosterResponse {
        try await coreCall { try await store.unlistContact(contact, owner: user) }
        try await record(.init(granted: false, asking: false), user, contact)
        let (subscription, _) = subscriptions.state(of: contact.name, for: user.name)
        deliver(
            [
                .rosterItem(
                    IMRosterItem(state: .unsubscribed, addr: encoder.address(contact.name), subscription: subscription))
            ],
            to: [user.name])
        await core.buddyListChanged(of: user)
        return .subscribe(addr: encoder.address(contact.name))
    }

    /// `subscribed` with the new state, to both sides, for each that lists the other.
    private func announceChange(between first: StoredUser, and second: StoredUser) async throws {
        for (owner, contact) in [(first, second), (second, first)] {
            let entry = try await coreCall { try await core.storage.contacts(of: owner) }.first {
                $0.user.id == contact.id
            }
            guard let entry else { continue }
            let (subscription, ask) = subscriptions.state(of: contact.name, for: owner.name)
            deliver(
                [
                    .rosterItem(
                        IMRosterItem(
                            addr: encoder.address(contact.name), name: entry.displayName, groups: entry.groups,
                            subscription: subscription, ask: ask))
                ], to: [owner.name])
        }
    }

    private func record(
        _ entry: RosterSubscriptionBook.Entry?, _ owner: StoredUser, _ contact: StoredUser
    )
        async throws
    {
        try await coreCall { try await store.setSubscription(entry, owner: owner, contact: contact) }
        subscriptions.set(entry, owner.name, contact.name)
    }
}
