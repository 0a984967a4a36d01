/// One identity at one provider, named as in config.toml (`[accounts.work]` is `work`).
///
/// Every event, conversation and adapter belongs to exactly one account; a single-account run uses
/// `AccountID.default`.
public struct AccountID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The account made from `--server`/`--user` flags or the legacy top-level config keys.
    public static let `default` = AccountID("default")

    public var description: String { rawValue }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }
}
