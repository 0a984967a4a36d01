import NatterWire

/// `update-channel`: administrators only. Absent fields keep their value.
public struct ChannelUpdate: Sendable, Equatable {
    public var id: String?
    public var channelID: String
    public var name: String?
    public var attributes: [String: JSONValue]?

    public init(id: String? = nil, channelID: String, name: String? = nil, attributes: [String: JSONValue]? = nil) {
        self.id = id
        self.channelID = channelID
        self.name = name
        self.attributes = attributes
    }
}
