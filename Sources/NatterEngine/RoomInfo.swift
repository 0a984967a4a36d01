import NatterModel

/// A team room the user may join, and whether this session has joined it.
public struct RoomInfo: Hashable, Sendable, Identifiable {
    public var jid: JID
    public var name: String
    public var joined: Bool
    public var id: JID { jid }

    public init(jid: JID, name: String, joined: Bool = false) {
        self.jid = jid.bare
        self.name = name
        self.joined = joined
    }
}
