/// Failures of storage operations that callers may want to tell apart.
public struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case unknownUser(String)
        case unknownRoom(String)
        case duplicateUser(String)
        case invalidPasswordCost(Int)
    }

    private let kind: Kind

    public static func unknownUser(_ name: String) -> Self { .init(kind: .unknownUser(name)) }
    public static func unknownRoom(_ name: String) -> Self { .init(kind: .unknownRoom(name)) }
    public static func duplicateUser(_ name: String) -> Self { .init(kind: .duplicateUser(name)) }
    public static func invalidPasswordCost(_ cost: Int) -> Self { .init(kind: .invalidPasswordCost(cost)) }

    public var description: String {
        switch kind {
        case .unknownUser(let name): "no user named '\(name)'"
        case .unknownRoom(let name): "no room named '\(name)'"
        case .duplicateUser(let name): "a user named '\(name)' already exists"
        case .invalidPasswordCost(let cost): "bcrypt cost \(cost) is outside 4...31"
        }
    }
}
