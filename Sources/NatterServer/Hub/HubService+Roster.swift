import NatterModel

extension HubService {
    /// `user`'s roster with each contact's live presence: the users of this server on the buddy list.
    func roster(of user: StoredUser) async throws(HubError) -> [RosterEntry] {
        let contacts = try await storageCall { try await storage.contacts(of: user) }
        var entries: [RosterEntry] = []
        for contact in contacts {
            entries.append(
                RosterEntry(
                    jid: bareJID(contact.user.name), name: contact.displayName,
                    presence: await hub.presence(of: contact.user.name), groups: contact.groups,
                    status: await hub.status(of: contact.user.name)))
        }
        return entries
    }

    /// Tells `user`'s connected sessions on every door that the buddy list changed: the new roster, then the
    /// presence of each contact, since a contact just added has had none sent to these sessions yet.
    func buddyListChanged(of user: StoredUser) async {
        let entries: [RosterEntry]
        do {
            entries = try await roster(of: user)
        } catch {
            return
        }
        let owner = bareJID(user.name)
        await hub.publish(.roster(entries), toUsers: [user.name])
        for entry in entries where entry.presence != .unavailable {
            await hub.publish(
                .presence(PresenceEvent(from: entry.jid, to: owner, presence: entry.presence, status: entry.status)),
                toUsers: [user.name])
        }
    }
}
