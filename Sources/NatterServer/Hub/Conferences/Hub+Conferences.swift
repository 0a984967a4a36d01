/// The conference table lives in the hub actor so its changes and their deliveries happen in one step, in
/// the same order every participant sees them. A refused request changes nothing and delivers nothing.
extension Hub {
    func startConference(
        id: Int? = nil, by initiator: String, inviting invitees: [String], subject: String?, message: ConferenceText
    ) -> Int {
        let (id, deliveries) = conferences.start(
            id: id, by: initiator, inviting: invitees, subject: subject, message: message)
        perform(deliveries)
        return id
    }

    func acceptConference(_ id: Int, by user: String) throws(ConferenceError) {
        perform(try conferences.accept(id, by: user))
    }

    func leaveConference(_ id: Int, user: String) throws(ConferenceError) {
        perform(try conferences.leave(id, user: user))
    }

    func ejectFromConference(_ id: Int, user: String, by initiator: String) throws(ConferenceError) {
        perform(try conferences.eject(id, user: user, by: initiator))
    }

    func inviteToConference(_ id: Int, users: [String], by inviter: String) throws(ConferenceError) {
        perform(try conferences.invite(id, users: users, by: inviter))
    }

    func sayInConference(_ id: Int, from sender: String, _ text: ConferenceText) throws(ConferenceError) {
        perform(try conferences.message(id, from: sender, text))
    }

    func composingInConference(_ id: Int, from sender: String, isComposing: Bool) throws(ConferenceError) {
        perform(try conferences.composing(id, from: sender, isComposing: isComposing))
    }

    /// When a user's last real session goes, they leave every conference (the others hear it).
    func leaveConferencesIfGone(_ user: String) {
        guard !hasRealSession(user) else { return }
        perform(conferences.leaveAll(user))
    }
}
