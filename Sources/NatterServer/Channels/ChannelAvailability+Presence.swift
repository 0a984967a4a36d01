import NatterCodecs
import NatterModel

/// How Channels availability meets the core's presence, which Realtime and Zimbra contacts see.
///
/// - `available` and `dnd` are the core's `available` and `dnd`.
/// - `busy` becomes `dnd` (which Natter shows as "busy"): both reject calls; the door remembers which of the
///   two a Channels client announced, so Channels peers still see `busy`.
/// - `invisible` (and never having announced) becomes `unavailable`: the member looks offline everywhere.
/// - Read back, the core's `away` and `xa` (set on other protocols) are `busy` here: reachable, but not now.
extension ChannelAvailability {
    var presence: Presence {
        switch self {
        case .available: .available
        case .dnd, .busy: .dnd
        case .invisible: .unavailable
        }
    }

    init(_ presence: Presence) {
        switch presence {
        case .available: self = .available
        case .dnd: self = .dnd
        case .away, .xa: self = .busy
        case .unavailable: self = .invisible
        }
    }
}
