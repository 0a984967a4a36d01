import Foundation

/// The storage the core, the authenticator and the doors see: protocols, so that the embedded GRDB/SQLite
/// `Storage` is one implementation and a PostgreSQL one for several natterd nodes can be a second.
///
/// Every call is one transaction. Times come from the caller (the server's injected clock), never from
/// inside an implementation, so expiry and ordering follow the same clock everywhere.
typealias CoreStore = UserStore & SessionStore & DirectoryStore & MessageStore & BuddyListStore

/// Accounts and their password hashes.
protocol UserStore: Sendable {
    /// How new password hashes are made, at the cost this store was configured with.
    var hashing: PasswordHashing { get }
    func user(named name: String) async throws -> StoredUser?
    func allUsers() async throws -> [StoredUser]
    func createUser(name: String, displayName: String?, password: String) async throws -> StoredUser
    /// The user and the stored hash, for the authenticator alone to verify.
    func credentials(named name: String) async throws -> (user: StoredUser, passwordHash: String)?
    func setPasswordHash(_ hash: String, of user: StoredUser) async throws
}

/// Login sessions: one is valid on every protocol.
protocol SessionStore: Sendable {
    func createSession(for user: StoredUser, now: Date) async throws -> String
    /// The session's user, marking the session as used; `nil` for an unknown or expired session.
    func user(forSession id: String, now: Date) async throws -> StoredUser?
    func touchSession(_ id: String, now: Date) async throws
    func deleteSession(_ id: String) async throws
    @discardableResult func deleteExpiredSessions(now: Date) async throws -> Int
}

/// Rosters and rooms.
protocol DirectoryStore: Sendable {
    func room(named name: String) async throws -> StoredRoom?
    func rooms(of user: StoredUser, kind: StoredRoom.Kind) async throws -> [StoredRoom]
    func members(of room: StoredRoom) async throws -> [StoredUser]
    func isMember(_ user: StoredUser, of room: StoredRoom) async throws -> Bool
    func contacts(of owner: StoredUser) async throws -> [StoredContact]
    /// The users who list `user` as a contact: those who see its presence.
    func watchers(of user: StoredUser) async throws -> [String]
}

/// Chats and their history.
protocol MessageStore: Sendable {
    func storeChat(
        from sender: StoredUser, to destination: MessageDestination, text: String, extras: String?,
        clientID: String?, at date: Date
    ) async throws -> (message: StoredMessage, duplicate: Bool)
    func message(key: String) async throws -> StoredMessage?
    func editMessage(key: String, text: String) async throws -> StoredMessage?
    func deleteMessage(key: String) async throws -> Bool
    func history(
        of viewer: StoredUser, with destination: MessageDestination, beforeKey: String?, limit: Int
    ) async throws -> (messages: [StoredMessage], more: Bool)
    func history(
        of viewer: StoredUser, with destination: MessageDestination, afterKey: String, beforeKey: String?, limit: Int
    ) async throws -> (messages: [StoredMessage], more: Bool)
    func messages(
        of viewer: StoredUser, afterKey: String?, limit: Int
    ) async throws -> (
        messages: [StoredMessage], more: Bool
    )
}

/// The contact store's mailbox of each user: groups, contacts with any address, distribution groups. The
/// roster every door shows is derived from it (`DirectoryStore.contacts(of:)`).
protocol BuddyListStore: Sendable {
    func buddyList(of owner: StoredUser) async throws -> BuddyList
    func addGroup(owner: StoredUser, displayName: String) async throws -> BuddyGroup
    func renameGroup(owner: StoredUser, _ group: BuddyItemRef, to displayName: String) async throws -> BuddyGroup
    @discardableResult func removeGroup(owner: StoredUser, _ group: BuddyItemRef) async throws -> [String]
    func addContact(
        owner: StoredUser, address: BuddyAddress, nickname: String?, group: BuddyItemRef?, limit: Int
    ) async throws -> (contact: BuddyContact, added: Bool)
    func addContactToGroup(owner: StoredUser, _ contact: BuddyItemRef, group: BuddyItemRef?) async throws
    func removeContactFromGroup(owner: StoredUser, _ contact: BuddyItemRef, group: BuddyItemRef) async throws
    func removeContact(owner: StoredUser, _ contact: BuddyItemRef) async throws
    func addDistributionGroup(owner: StoredUser, name: String, displayName: String) async throws -> BuddyGroup
    func removeDistributionGroup(owner: StoredUser, _ group: BuddyItemRef) async throws
    func setMigrationCompleted(owner: StoredUser, _ completed: Bool) async throws
}

/// Where a message goes: a user (1:1) or a team room.
public enum MessageDestination: Sendable, Hashable {
    case user(StoredUser)
    case room(StoredRoom)
}

extension Storage: UserStore, SessionStore, DirectoryStore, MessageStore, BuddyListStore {}
