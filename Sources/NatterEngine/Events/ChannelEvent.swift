import Foundation
import NatterModel

public enum ChannelEvent: Sendable, Equatable {
    case listed([Channel])
    case member(channel: String, Member)
    case left(String)
    /// We created or joined this channel at the user's request (`/create`): its window opens.
    case entered(String)
    /// A receipt for a message we sent: `by` received, displayed or read it.
    case receipt(channel: String, messageID: String, state: DeliveryState, by: JID)
}
