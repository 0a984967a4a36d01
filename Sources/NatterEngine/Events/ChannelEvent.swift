import Foundation
import NatterModel

public enum ChannelEvent: Sendable, Equatable {
    case listed([Channel])
    case member(channel: String, Member)
    case left(String)
}
