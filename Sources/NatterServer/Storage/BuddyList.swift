import Foundation

/// One user's mailbox as the contact store sees it: the ImContactList folder's groups and the QuickContacts
/// folder's contacts (personas). Every door reads and edits rosters through this model.
public struct BuddyList: Sendable, Hashable {
    public var groups: [BuddyGroup]
    public var contacts: [BuddyContact]
    /// `SetImListMigrationCompleted`'s flag; false until a client sets it.
    public var migrationCompleted: Bool

    public init(groups: [BuddyGroup], contacts: [BuddyContact], migrationCompleted: Bool = false) {
        self.groups = groups
        self.contacts = contacts
        self.migrationCompleted = migrationCompleted
    }

    public func group(id: String) -> BuddyGroup? { groups.first { $0.id == id } }
    public func contact(id: String) -> BuddyContact? { contacts.first { $0.id == id } }
}

/// A group of the list: the user's own, or a distribution group from the server's directory.
public struct BuddyGroup: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case normal
        /// Lists a directory distribution group's members; its membership follows the directory.
        case distribution
    }

    /// Opaque base64, stable for the group's life.
    public var id: String
    /// Opaque base64, new on every change of the group (name or members).
    public var changeKey: String
    public var displayName: String
    public var kind: Kind
    /// The "Other Contacts" group that takes contacts added without a group.
    public var isDefault: Bool
    /// The directory group's name (its address's local part), for distribution groups.
    public var distributionGroup: String?
    /// Ids of the member contacts, in the order they joined. For a distribution group these are the
    /// directory members' contacts (see `BuddyList.contacts`).
    public var memberIDs: [String]
}

/// A contact (persona) of the QuickContacts folder, or a member of a distribution group.
public struct BuddyContact: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// A user of this server, with live presence.
        case user(StoredUser)
        /// An address outside this server (another domain, a phone number): listed, no presence.
        case foreign(String)
    }

    public var id: String
    public var changeKey: String
    public var target: Target
    /// The owner's own name for the contact, when given.
    public var nickname: String?
    /// Ids of the groups listing the contact.
    public var groupIDs: [String]
    /// False for a distribution group's member that is not in the owner's QuickContacts.
    public var inQuickContacts: Bool

    public var user: StoredUser? {
        if case .user(let user) = target { user } else { nil }
    }

    public var displayName: String {
        switch target {
        case .user(let user): nickname ?? user.displayName
        case .foreign(let address): nickname ?? address
        }
    }
}

/// An address to add: a user of this server by name, or anything else verbatim.
public enum BuddyAddress: Sendable, Hashable {
    case user(String)
    case foreign(String)
}

/// An id as a request names it, with the ChangeKey it carried if any.
public struct BuddyItemRef: Sendable, Hashable {
    public var id: String
    public var changeKey: String?

    public init(id: String, changeKey: String? = nil) {
        self.id = id
        self.changeKey = changeKey
    }
}
