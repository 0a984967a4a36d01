import NatterModel

/// An authenticated speaker on the hub: a protocol connection or a simulated user.
struct HubSession: Sendable {
    let user: StoredUser
    let id: HubSessionID
    let jid: JID
    /// The login session a connection authenticated with; `nil` for simulated users.
    var loginSession: String?
}
