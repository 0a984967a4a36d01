import Foundation

/// `retrieve`: a page of the channel archive starting at `time`.
public struct ChannelRetrieve: Sendable, Equatable {
    /// The seed lets a server treat any larger `count` as this.
    public static let maximumCount = 100

    public var id: String?
    public var channelID: String
    public var time: Date
    public var direction: ChannelRetrieveDirection
    /// At least 1 and at most ``maximumCount``: larger requests are clamped, as the seed allows.
    public private(set) var count: Int

    public init(
        id: String? = nil, channelID: String, time: Date, direction: ChannelRetrieveDirection, count: Int
    ) {
        self.id = id
        self.channelID = channelID
        self.time = time
        self.direction = direction
        self.count = min(max(count, 1), Self.maximumCount)
    }
}
