import NatterModel

/// Multi-party sessions: a room in the core with a subject and participants. Invitees must exist and be
/// online through any protocol, as the hub sees their presence.
extension HubService {
    /// `id` comes from the door, which keeps ids unique across restarts; `nil` takes the table's next one.
    func startConference(
        id: Int? = nil, inviting addresses: [String], subject: String?, message: ConferenceText,
        from session: HubSession
    ) async throws(ConferenceError) -> Int {
        guard !message.text.isEmpty else { throw .emptyMessage }
        let invitees = try await onlineUsers(addresses)
        return await hub.startConference(
            id: id, by: session.user.name, inviting: invitees, subject: subject, message: message)
    }

    func inviteToConference(_ id: Int, addresses: [String], from session: HubSession) async throws(ConferenceError) {
        let invitees = try await onlineUsers(addresses)
        try await hub.inviteToConference(id, users: invitees, by: session.user.name)
    }

    func acceptConference(_ id: Int, session: HubSession) async throws(ConferenceError) {
        try await hub.acceptConference(id, by: session.user.name)
    }

    func leaveConference(_ id: Int, session: HubSession) async throws(ConferenceError) {
        try await hub.leaveConference(id, user: session.user.name)
    }

    func ejectFromConference(_ id: Int, address: String, session: HubSession) async throws(ConferenceError) {
        let user = try await knownUser(address)
        try await hub.ejectFromConference(id, user: user, by: session.user.name)
    }

    func sendToConference(_ id: Int, _ message: ConferenceText, from session: HubSession) async throws(ConferenceError)
    {
        guard !message.text.isEmpty else { throw .emptyMessage }
        try await hub.sayInConference(id, from: session.user.name, message)
    }

    func composingInConference(_ id: Int, isComposing: Bool, session: HubSession) async throws(ConferenceError) {
        try await hub.composingInConference(id, from: session.user.name, isComposing: isComposing)
    }

    // MARK: - Helpers

    private func onlineUsers(_ addresses: [String]) async throws(ConferenceError) -> [String] {
        var users: [String] = []
        for address in addresses {
            let user = try await knownUser(address)
            guard await hub.presence(of: user).isOnline else { throw .userOffline(address) }
            users.append(user)
        }
        return users
    }

    /// A user of this server by bare name or address; a `sip:` scheme is the door's to strip.
    func knownUser(_ address: String) async throws(ConferenceError) -> String {
        guard let jid = JID(address, defaultDomain: domain), jid.domain == domain, jid.resource == nil else {
            throw .unknownUser(address)
        }
        let name = jid.local
        let found: StoredUser?
        do {
            found = try await storageCall { try await storage.user(named: name) }
        } catch {
            throw ConferenceError.serverError
        }
        guard let user = found else { throw .unknownUser(address) }
        return user.name
    }
}
