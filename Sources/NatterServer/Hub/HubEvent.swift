import Foundation
import NatterCodecs
import NatterModel
import NatterWire

/// What happened, in no protocol's words: each door's subscriber encodes it for its own clients.
enum HubEvent: Sendable, Equatable {
    case presence(PresenceEvent)
    /// A new chat, 1:1 or in a room.
    case message(MessageEvent)
    case messageEdited(StoredMessage)
    case messageDeleted(StoredMessage)
    case typing(TypingEvent)
    /// The user's whole roster, after an edit of the buddy list on any door.
    case roster([RosterEntry])
}

/// A contact as the presence-carrying doors list it.
struct RosterEntry: Sendable, Equatable {
    var jid: JID
    var name: String
    var presence: Presence
    var groups: [String]
    /// The contact's status text ("lunch"); nil when there is none or the contact is offline.
    var status: String? = nil
}

/// How `from` appears to `to`: a watcher's bare JID, or a room's JID for room occupancy.
struct PresenceEvent: Sendable, Equatable {
    var from: JID
    var to: JID
    var presence: Presence
    /// Set in the snapshot a session gets with its first presence: since when the contact has been in this
    /// state, or when it was last seen. Changes as they happen carry none: they are now.
    var since: Date?
    /// Free text set with the presence ("lunch"); nil when there is none or the user is offline.
    var status: String? = nil
}

struct MessageEvent: Sendable, Equatable {
    var message: StoredMessage
    /// The extras as the sender gave them, so no subscriber has to parse `message.extras` again.
    var extras: [String: JSONValue]?
}

struct TypingEvent: Sendable, Equatable {
    enum State: Sendable, Equatable {
        case composing
        case stopped
    }

    /// The typist's bare JID.
    var from: JID
    /// The addressee's bare JID, or the room's.
    var to: JID
    var state: State
}

/// One event for one session, as decided by the routing table.
struct HubDelivery: Sendable, Equatable {
    let target: HubSessionID
    let event: HubEvent
}
