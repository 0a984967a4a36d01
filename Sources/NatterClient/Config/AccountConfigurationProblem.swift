/// Why one `[accounts.NAME]` table cannot be used. The other accounts still start; this one is reported by name
/// and key so the person fixing config.toml knows where to look.
public struct AccountConfigurationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Base: Sendable, Equatable {
        case missing
        case wrongType(expected: String)
        case unknownKey
        case unknownProtocol(String)
        case plaintextPassword
        case notATable
        case badName
    }

    public let account: String
    /// The offending key, or `nil` when the whole entry is wrong.
    public let key: String?
    private let base: Base

    private init(account: String, key: String?, base: Base) {
        self.account = account
        self.key = key
        self.base = base
    }

    static func missing(_ key: String, in account: String) -> Self { Self(account: account, key: key, base: .missing) }
    static func wrongType(_ key: String, in account: String, expected: String) -> Self {
        Self(account: account, key: key, base: .wrongType(expected: expected))
    }
    static func unknownKey(_ key: String, in account: String) -> Self {
        Self(account: account, key: key, base: .unknownKey)
    }
    static func unknownProtocol(_ name: String, in account: String) -> Self {
        Self(account: account, key: "protocols", base: .unknownProtocol(name))
    }
    static func plaintextPassword(in account: String) -> Self {
        Self(account: account, key: "password", base: .plaintextPassword)
    }
    static func notATable(_ account: String) -> Self { Self(account: account, key: nil, base: .notATable) }
    static func badName(_ account: String) -> Self { Self(account: account, key: nil, base: .badName) }

    public var description: String {
        let place = "accounts.\(account)" + (key.map { ".\($0)" } ?? "")
        switch base {
        case .missing: return "\(place) is missing"
        case .wrongType(let expected): return "\(place) must be \(expected)"
        case .unknownKey: return "\(place): unknown setting"
        case .unknownProtocol(let name):
            let known = ProtocolNames.all.joined(separator: ", ")
            return "\(place): unknown protocol '\(name)' (known: \(known))"
        case .plaintextPassword:
            return "\(place): a password in plain text is refused; use password_command (or NATTER_PASSWORD)"
        case .notATable: return "\(place) must be a table ([accounts.\(account)])"
        case .badName:
            return
                "\(place): use only letters, digits, '-', '_' and '.' in an account name (it is typed in /connect NAME)"
        }
    }
}
