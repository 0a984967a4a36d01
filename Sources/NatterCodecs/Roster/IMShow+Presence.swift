import NatterModel

extension IMShow {
    /// The presence a Zimbra `show` means; no `show` is online (docs/protocols/roster.md). Client and server share
    /// it, so the two sides can never map a value differently.
    public static func presence(of show: IMShow?) -> Presence {
        switch show {
        case nil, .online, .chat: .available
        case .away: .away
        case .xa: .xa
        case .dnd: .dnd
        case .offline: .unavailable
        }
    }

    /// The `show` for a presence: `available` is Zimbra's online, written as no `show`.
    public static func show(for presence: Presence) -> IMShow? {
        switch presence {
        case .available: nil
        case .away: .away
        case .xa: .xa
        case .dnd: .dnd
        case .unavailable: .offline
        }
    }
}
