/// Why no account could be chosen for this run, phrased as what to type instead.
public struct SelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Base: Sendable, Equatable {
        case noAccount
        case missing(String)
        case unknown(String, known: [String])
        case ambiguous([String])
        case broken(AccountConfigurationProblem)
    }

    private let base: Base

    static let noAccount = Self(base: .noAccount)
    static func missing(_ flag: String) -> Self { Self(base: .missing(flag)) }
    static func unknown(_ name: String, known: [String]) -> Self { Self(base: .unknown(name, known: known)) }
    static func ambiguous(_ names: [String]) -> Self { Self(base: .ambiguous(names)) }
    static func broken(_ problem: AccountConfigurationProblem) -> Self { Self(base: .broken(problem)) }

    public var description: String {
        switch base {
        case .noAccount:
            "no account given: use --server URL --user NAME, add [accounts.NAME] to config.toml, or try --demo"
        case .missing("server"): "no server given: use --server URL (or server = \"…\" in config.toml), or try --demo"
        case .missing(let key): "no \(key) given: use --\(key) NAME (or \(key) = \"…\" in config.toml)"
        case .unknown(let name, let known) where known.isEmpty:
            "no account named '\(name)': config.toml has no [accounts.NAME] tables"
        case .unknown(let name, let known):
            "no account named '\(name)' (configured: \(known.joined(separator: ", ")))"
        case .ambiguous(let names):
            "several accounts are configured (\(names.joined(separator: ", "))): choose one with --account NAME"
        case .broken(let problem): "\(problem)"
        }
    }
}
