/// The five wire protocols an account may be reached through (DESIGN.md, "Accounts and the roles").
public enum ProtocolKind: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case realtime
    case contactStore = "contactstore"
    case roster
    case channels
    case conference

    public static func < (lhs: ProtocolKind, rhs: ProtocolKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
