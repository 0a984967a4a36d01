/// Why an edit of a buddy list was refused; each maps onto an EWS `ResponseCode` at the door.
public struct BuddyListError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case groupNotFound(String)
        case contactNotFound(String)
        case duplicateGroupName(String)
        case contactLimitReached(Int)
        case staleChangeKey(String)
        case unknownDistributionGroup(String)
        case notInGroup(contact: String, group: String)
        case wrongGroupKind(String)
    }

    private let kind: Kind

    public static func groupNotFound(_ id: String) -> Self { .init(kind: .groupNotFound(id)) }
    public static func contactNotFound(_ id: String) -> Self { .init(kind: .contactNotFound(id)) }
    public static func duplicateGroupName(_ name: String) -> Self { .init(kind: .duplicateGroupName(name)) }
    public static func contactLimitReached(_ limit: Int) -> Self { .init(kind: .contactLimitReached(limit)) }
    public static func staleChangeKey(_ id: String) -> Self { .init(kind: .staleChangeKey(id)) }
    public static func unknownDistributionGroup(_ name: String) -> Self { .init(kind: .unknownDistributionGroup(name)) }
    public static func notInGroup(contact: String, group: String) -> Self {
        .init(kind: .notInGroup(contact: contact, group: group))
    }
    /// A user group named where a distribution group is required, or the other way round.
    public static func wrongGroupKind(_ id: String) -> Self { .init(kind: .wrongGroupKind(id)) }

    public enum Category: Sendable, Equatable {
        case groupNotFound, contactNotFound, duplicateGroupName, contactLimitReached, staleChangeKey
        case unknownDistributionGroup, notInGroup, wrongGroupKind
    }

    public var category: Category {
        switch kind {
        case .groupNotFound: .groupNotFound
        case .contactNotFound: .contactNotFound
        case .duplicateGroupName: .duplicateGroupName
        case .contactLimitReached: .contactLimitReached
        case .staleChangeKey: .staleChangeKey
        case .unknownDistributionGroup: .unknownDistributionGroup
        case .notInGroup: .notInGroup
        case .wrongGroupKind: .wrongGroupKind
        }
    }

    public var description: String {
        switch kind {
        case .groupNotFound(let id): "no group with id \(id)"
        case .contactNotFound(let id): "no contact with id \(id)"
        case .duplicateGroupName(let name): "a group named '\(name)' already exists"
        case .contactLimitReached(let limit): "the list already holds \(limit) contacts"
        case .staleChangeKey(let id): "item \(id) changed since its ChangeKey was read"
        case .unknownDistributionGroup(let name): "no distribution group '\(name)' in the directory"
        case .notInGroup(let contact, let group): "contact \(contact) is not in group \(group)"
        case .wrongGroupKind(let id): "group \(id) is not of the kind this operation edits"
        }
    }
}
