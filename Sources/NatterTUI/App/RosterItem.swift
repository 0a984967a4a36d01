import NatterEngine
import NatterModel

/// One selectable entry of the roster pane. A contact in two groups is two entries, so the cursor remembers which
/// group's line it is on.
enum RosterItem: Hashable, Sendable {
    /// A room or channel.
    case conversation(ConversationID)
    /// A group's own line (name, online/total); `RosterNavigator.otherContacts` for the contacts in no group.
    case group(String)
    /// A contact, under `group` (nil while the roster has no groups and shows one flat list).
    case contact(JID, group: String?)

    /// The contact this entry is, if it is one.
    var contact: JID? {
        if case .contact(let jid, _) = self { return jid }
        return nil
    }
}
