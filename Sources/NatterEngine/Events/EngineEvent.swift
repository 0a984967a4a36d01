import Foundation
import NatterModel

/// What a protocol adapter learned, in domain terms and split by feature. Adapters never hand the engine wire
/// formats, and never name their account: the engine stamps every event with the account and protocol of the
/// adapter that sent it.
public enum EngineEvent: Sendable, Equatable {
    case session(SessionEvent)
    case chat(ChatEvent)
    case presence(PresenceEvent)
    case rooms(RoomEvent)
    case roster(RosterEvent)
    case subscriptions(SubscriptionEvent)
    case channels(ChannelEvent)
    case conferences(ConferenceEvent)
    case threads(ThreadEvent)
    case gateways(GatewayEvent)
}
