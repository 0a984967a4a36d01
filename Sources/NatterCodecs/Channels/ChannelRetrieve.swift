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
    /// Natter's paging cursor: the last message (by `message-id`) the client already has at `time`. Paging
    /// continues strictly past it in archive order, so pages never repeat or skip messages that share a
    /// timestamp. Without it, `time` itself is included.
    public var after: String?

    public init(
        id: String? = nil, channelID: String, time: Date, direction: ChannelRetrieveDirection, count: Int,
        after: String? = nil
    ) {
        self.after = after
        self.id = id
        self.channelID = channelID
        self.time = time
        self.direction = direction
        self.count = min(max(count, 1), Self.maximumCount)
    }
}
