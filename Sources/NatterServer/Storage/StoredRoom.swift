import GRDB

/// A team room or a distribution group.
public struct StoredRoom: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A chat room sessions join with `team_join`.
        case team
        /// A mailing-list style group (`team@natter.test`) for directory lookups; not joinable.
        case distribution
    }

    public var id: Int64
    public var name: String
    public var displayName: String
    public var kind: Kind

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        displayName = row["displayName"]
        kind = Kind(rawValue: row["kind"]) ?? .team
    }
}
