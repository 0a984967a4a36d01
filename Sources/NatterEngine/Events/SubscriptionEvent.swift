import Foundation
import NatterModel

public enum SubscriptionEvent: Sendable, Equatable {
    /// `JID` asks to see my presence.
    case requested(JID)
    /// The blocked addresses, after a change or when asked.
    case blocked([String])
}
