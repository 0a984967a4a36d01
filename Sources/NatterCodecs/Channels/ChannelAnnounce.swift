import NatterWire

/// `announce`: publishes the sender's availability and a free-text status.
public struct ChannelAnnounce: Sendable, Equatable {
    public var id: String?
    public var status: String?
    public var availability: ChannelAvailability
    /// Metadata to set on the subscriber; kept verbatim.
    public var attributes: [String: JSONValue]?

    public init(
        id: String? = nil, status: String? = nil, availability: ChannelAvailability,
        attributes: [String: JSONValue]? = nil
    ) {
        self.id = id
        self.status = status
        self.availability = availability
        self.attributes = attributes
    }
}
