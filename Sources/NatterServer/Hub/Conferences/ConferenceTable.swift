/// Every conference on the server: a room with a subject, an initiator, the participants who joined and the
/// users still invited. Pure: each method checks who may do what and returns the events it causes; the hub
/// actor delivers them. Only participants (and, for their invitation, invitees) ever hear a conference.
struct ConferenceTable: Sendable {
    struct Conference: Sendable, Equatable {
        let id: Int
        let initiator: String
        let subject: String?
        /// The message that opened it; later invitations carry it too.
        let opening: ConferenceText
        /// In the order they joined.
        var joined: [String]
        var invited: [String]

        var members: Int { joined.count + invited.count }
    }

    private(set) var conferences: [Int: Conference] = [:]
    private var nextID = 0

    /// Opens a conference: the initiator is in it, the invitees hear an invitation with the first message.
    /// `id` is one the caller keeps unique (across restarts); a missing or taken one gets the next free id.
    mutating func start(
        id requested: Int? = nil, by initiator: String, inviting invitees: [String], subject: String?,
        message: ConferenceText
    ) -> (id: Int, deliveries: [ConferenceDelivery]) {
        var id = requested ?? nextID + 1
        while conferences[id] != nil { id += 1 }
        nextID = max(nextID, id)
        let invitees = Self.unique(invitees.filter { $0 != initiator })
        conferences[id] = Conference(
            id: id, initiator: initiator, subject: subject, opening: message, joined: [initiator], invited: invitees)
        var deliveries = [ConferenceDelivery(user: initiator, event: .init(conference: id, kind: .state(.connecting)))]
        for invitee in invitees {
            deliveries += invitation(id, to: invitee, from: initiator, participants: [initiator])
        }
        return (id, deliveries)
    }

    mutating func accept(_ id: Int, by user: String) throws(ConferenceError) -> [ConferenceDelivery] {
        var conference = try find(id)
        guard let index = conference.invited.firstIndex(of: user) else {
            throw conference.joined.contains(user) ? .alreadyParticipant(user) : .notParticipant(id)
        }
        let wasAlone = conference.joined.count == 1
        conference.invited.remove(at: index)
        let others = conference.joined
        conference.joined.append(user)
        conferences[id] = conference
        var deliveries = [ConferenceDelivery(user: user, event: .init(conference: id, kind: .state(.connected)))]
        // The newcomer learns who is already there; they learn of the newcomer.
        deliveries += others.map { ConferenceDelivery(user: user, event: .init(conference: id, kind: .joined($0))) }
        if wasAlone, let first = others.first {
            deliveries.append(ConferenceDelivery(user: first, event: .init(conference: id, kind: .state(.connected))))
        }
        deliveries += others.map { ConferenceDelivery(user: $0, event: .init(conference: id, kind: .joined(user))) }
        return deliveries
    }

    /// Leaving (or declining an invitation) is open to anyone in it; the conference ends when fewer than two
    /// people remain in it, joined or invited.
    mutating func leave(_ id: Int, user: String) throws(ConferenceError) -> [ConferenceDelivery] {
        let conference = try find(id)
        guard conference.joined.contains(user) || conference.invited.contains(user) else {
            throw .notParticipant(id)
        }
        return remove(user, from: conference)
    }

    mutating func eject(_ id: Int, user: String, by initiator: String) throws(ConferenceError) -> [ConferenceDelivery] {
        let conference = try find(id)
        guard conference.joined.contains(initiator) else { throw .notParticipant(id) }
        guard conference.initiator == initiator else { throw .notInitiator(id) }
        guard user != initiator, conference.joined.contains(user) || conference.invited.contains(user) else {
            throw .unknownUser(user)
        }
        return remove(user, from: conference)
    }

    mutating func invite(_ id: Int, users: [String], by inviter: String) throws(ConferenceError) -> [ConferenceDelivery]
    {
        var conference = try find(id)
        guard conference.joined.contains(inviter) else { throw .notParticipant(id) }
        let users = Self.unique(users)
        if let present = users.first(where: { conference.joined.contains($0) || conference.invited.contains($0) }) {
            throw .alreadyParticipant(present)
        }
        conference.invited += users
        conferences[id] = conference
        return users.flatMap { invitation(id, to: $0, from: inviter, participants: conference.joined) }
    }

    func message(_ id: Int, from sender: String, _ text: ConferenceText) throws(ConferenceError) -> [ConferenceDelivery]
    {
        try toOthers(id, of: sender, .message(from: sender, text))
    }

    func composing(_ id: Int, from sender: String, isComposing: Bool) throws(ConferenceError) -> [ConferenceDelivery] {
        try toOthers(id, of: sender, .composing(from: sender, isComposing: isComposing))
    }

    /// Takes `user` out of every conference, as when their last session has gone.
    mutating func leaveAll(_ user: String) -> [ConferenceDelivery] {
        let ids = conferences.values.filter { $0.joined.contains(user) || $0.invited.contains(user) }.map(\.id)
        var deliveries: [ConferenceDelivery] = []
        for id in ids.sorted() {
            if let conference = conferences[id] { deliveries += remove(user, from: conference) }
        }
        return deliveries
    }

    // MARK: - Helpers

    private func find(_ id: Int) throws(ConferenceError) -> Conference {
        guard let conference = conferences[id] else { throw .unknownConference(id) }
        return conference
    }

    private func toOthers(
        _ id: Int, of sender: String, _ kind: ConferenceEvent.Kind
    ) throws(ConferenceError) -> [ConferenceDelivery] {
        let conference = try find(id)
        guard conference.joined.contains(sender) else { throw .notParticipant(id) }
        return conference.joined.filter { $0 != sender }.map {
            ConferenceDelivery(user: $0, event: .init(conference: id, kind: kind))
        }
    }

    private func invitation(
        _ id: Int, to invitee: String, from inviter: String, participants: [String]
    )
        -> [ConferenceDelivery]
    {
        guard let conference = conferences[id] else { return [] }
        let invited = ConferenceEvent.Kind.invited(
            from: inviter, participants: participants, subject: conference.subject, message: conference.opening)
        return [
            ConferenceDelivery(user: invitee, event: .init(conference: id, kind: invited)),
            ConferenceDelivery(user: invitee, event: .init(conference: id, kind: .state(.incoming))),
        ]
    }

    private mutating func remove(_ user: String, from conference: Conference) -> [ConferenceDelivery] {
        var conference = conference
        let id = conference.id
        conference.joined.removeAll { $0 == user }
        conference.invited.removeAll { $0 == user }
        var deliveries = [ConferenceDelivery(user: user, event: .init(conference: id, kind: .state(.terminated)))]
        deliveries += conference.joined.map {
            ConferenceDelivery(user: $0, event: .init(conference: id, kind: .left(user)))
        }
        guard conference.members < 2 else {
            conferences[id] = conference
            return deliveries
        }
        conferences[id] = nil
        let remaining = conference.joined + conference.invited
        return deliveries
            + remaining.map { ConferenceDelivery(user: $0, event: .init(conference: id, kind: .state(.terminated))) }
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
