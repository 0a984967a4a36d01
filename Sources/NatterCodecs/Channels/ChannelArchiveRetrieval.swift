import Foundation

/// `archive-retrieval`: announces that `count` archived `message`s (each with this `reply-to`) follow.
public struct ChannelArchiveRetrieval: Sendable, Equatable {
    public var replyTo: String?
    public var channelID: String
    public var time: Date
    public var direction: ChannelRetrieveDirection
    public var count: Int

    public init(
        replyTo: String? = nil, channelID: String, time: Date, direction: ChannelRetrieveDirection, count: Int
    ) {
        self.replyTo = replyTo
        self.channelID = channelID
        self.time = time
        self.direction = direction
        self.count = count
    }
}
