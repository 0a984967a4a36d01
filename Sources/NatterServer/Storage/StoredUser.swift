import Foundation
import GRDB

/// A user account. `name` is the JID local part; every user lives in the server's one domain.
public struct StoredUser: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var displayName: String

    public init(id: Int64, name: String, displayName: String) {
        self.id = id
        self.name = name
        self.displayName = displayName
    }

    init(row: Row, prefix: String = "") {
        id = row[prefix + "id"]
        name = row[prefix + "name"]
        displayName = row[prefix + "displayName"]
    }
}

/// A roster entry: whom `owner` lists, under which name and in which groups.
public struct StoredContact: Sendable, Hashable {
    public var user: StoredUser
    /// The owner's own name for the contact, when they chose one.
    public var nickname: String?
    public var groups: [String]
    /// When the contact last used any login session (authenticated or disconnected), if ever.
    public var lastActive: Date?

    public var displayName: String { nickname ?? user.displayName }
}
