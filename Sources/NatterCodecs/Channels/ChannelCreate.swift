import NatterWire

/// `create-channel`: a new channel, or with a non-empty `inviteToken` naming an existing one, a join.
public struct ChannelCreate: Sendable, Equatable {
    public var id: String?
    public var name: String
    public var inviteToken: String?
    public var attributes: [String: JSONValue]?

    public init(id: String? = nil, name: String, inviteToken: String? = nil, attributes: [String: JSONValue]? = nil) {
        self.id = id
        self.name = name
        self.inviteToken = inviteToken
        self.attributes = attributes
    }
}
