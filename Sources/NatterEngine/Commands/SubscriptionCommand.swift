import NatterModel

public enum SubscriptionCommand: Sendable, Equatable {
    case subscribe(JID, name: String?, groups: [String])
    case unsubscribe(JID)
    case authorize(JID, addBack: Bool)
    case deny(JID)
    case block(String)
    case allow(String)
    case listBlocked
}
