/// Availability of a user, in the five states every protocol Natter speaks can express.
///
/// Raw values are the Ryver wire names; other adapters map their own vocabularies onto these.
public enum Presence: String, Sendable, Hashable, CaseIterable, Codable {
    case available
    case dnd
    case away
    case xa
    case unavailable

    public var isOnline: Bool { self != .unavailable }

    /// Lower sorts first in the roster: people you can talk to now come before people who are away.
    public var sortRank: Int {
        switch self {
        case .available: 0
        case .dnd: 1
        case .away: 2
        case .xa: 3
        case .unavailable: 4
        }
    }

    public var label: String {
        switch self {
        case .available: "online"
        case .dnd: "busy"
        case .away: "away"
        case .xa: "extended away"
        case .unavailable: "offline"
        }
    }

    /// Accepts wire names and the friendlier words users type in `/presence`.
    public init?(userInput: String) {
        switch userInput.lowercased() {
        case "available", "online", "on", "chat": self = .available
        case "dnd", "busy": self = .dnd
        case "away": self = .away
        case "xa", "extended", "extended-away": self = .xa
        case "unavailable", "offline", "invisible", "off": self = .unavailable
        default: return nil
        }
    }
}
