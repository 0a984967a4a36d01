import NatterModel

public enum GroupCommand: Sendable, Equatable {
    case assign(JID, groups: [String])
    case rename(from: String, to: String)
    case delete(String)
    /// A new, empty group.
    case create(String)
    /// Lists the directory's distribution group at `address` as a group named `name`.
    case addDistribution(address: String, name: String)
}
