import Foundation
import NatterWire

/// `channel-list`: every channel the recipient belongs to, with its administrator flag.
public struct ChannelList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var channelID: String
        public var name: String
        public var administrator: Bool

        public init(channelID: String, name: String, administrator: Bool) {
            self.channelID = channelID
            self.name = name
            self.administrator = administrator
        }
    }

    public var replyTo: String?
    public var channels: [Entry]

    public init(replyTo: String? = nil, channels: [Entry]) {
        self.replyTo = replyTo
        self.channels = channels
    }
}

/// One member of a channel as `channel-directory` and `member-status` describe it.
public struct ChannelSubscriber: Sendable, Equatable {
    public var subscriber: String
    public var administrator: Bool
    /// `invisible` members are reported as `invisible` to others, which a client shows as offline.
    public var availability: ChannelAvailability
    public var status: String?

    public init(
        subscriber: String, administrator: Bool, availability: ChannelAvailability, status: String? = nil
    ) {
        self.subscriber = subscriber
        self.administrator = administrator
        self.availability = availability
        self.status = status
    }
}

/// `channel-directory`: the members of one channel.
public struct ChannelDirectory: Sendable, Equatable {
    public var replyTo: String?
    public var channelID: String
    public var subscribers: [ChannelSubscriber]

    public init(replyTo: String? = nil, channelID: String, subscribers: [ChannelSubscriber]) {
        self.replyTo = replyTo
        self.channelID = channelID
        self.subscribers = subscribers
    }
}

/// `unsubscription`: `subscriber` is no longer a member; `kickedBy` is absent when they left on their own.
public struct ChannelUnsubscription: Sendable, Equatable {
    public var channelID: String
    public var subscriber: String
    public var kickedBy: String?

    public init(channelID: String, subscriber: String, kickedBy: String? = nil) {
        self.channelID = channelID
        self.subscriber = subscriber
        self.kickedBy = kickedBy
    }
}

/// `member-status`: the current role and availability of one member, sent to the whole channel.
public struct ChannelMemberStatus: Sendable, Equatable {
    public var channelID: String
    public var member: ChannelSubscriber

    public init(channelID: String, member: ChannelSubscriber) {
        self.channelID = channelID
        self.member = member
    }
}

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
