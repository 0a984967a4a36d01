import NatterModel

/// Which accounts a run uses: the flags, `--account NAME`, or every enabled account in config.toml.
///
/// Flags win over the file, as they always have: `--server URL --user NAME` is one natterd account, and with
/// `--account NAME` they override that account's settings for this run only.
public struct AccountSelection: Sendable, Equatable {
    /// Accounts to start, in config order (the legacy top-level account first).
    public var accounts: [AccountSettings]
    /// Configured accounts that are disabled: not started, but `/connect NAME` may start them.
    public var dormant: [AccountSettings]
    /// Broken `[accounts.NAME]` entries; the rest still start.
    public var problems: [AccountConfigurationProblem]

    public init(
        accounts: [AccountSettings], dormant: [AccountSettings] = [], problems: [AccountConfigurationProblem] = []
    ) {
        self.accounts = accounts
        self.dormant = dormant
        self.problems = problems
    }

    public static func resolve(
        _ options: ConnectionOptions, configuration: ClientConfiguration
    ) throws(SelectionError) -> AccountSelection {
        if let name = options.account {
            return AccountSelection(accounts: [try named(name, options: options, configuration: configuration)])
        }
        if options.server != nil || options.user != nil {
            return AccountSelection(accounts: [try legacy(options: options, configuration: configuration)])
        }
        var accounts: [AccountSettings] = []
        if configuration.server != nil || configuration.user != nil {
            accounts.append(try legacy(options: options, configuration: configuration))
        }
        let configured = configuration.accounts.map { overriding($0, with: options) }
        accounts += configured.filter(\.enabled)
        let dormant = configured.filter { !$0.enabled }
        guard !accounts.isEmpty || !dormant.isEmpty || !configuration.accountProblems.isEmpty else {
            throw .noAccount
        }
        return AccountSelection(accounts: accounts, dormant: dormant, problems: configuration.accountProblems)
    }

    /// Scripts that act as one identity (`natter send`) need exactly one account.
    public func single() throws(SelectionError) -> AccountSettings {
        guard accounts.count == 1, let only = accounts.first else {
            if accounts.isEmpty, let problem = problems.first { throw .broken(problem) }
            throw .ambiguous(accounts.map(\.id.rawValue))
        }
        return only
    }

    private static func named(
        _ name: String, options: ConnectionOptions, configuration: ClientConfiguration
    ) throws(SelectionError) -> AccountSettings {
        if let account = configuration.accounts.first(where: { $0.id.rawValue == name }) {
            return overriding(account, with: options)
        }
        if let problem = configuration.accountProblems.first(where: { $0.account == name }) {
            throw .broken(problem)
        }
        if name == AccountID.default.rawValue, configuration.server != nil || configuration.user != nil {
            return try legacy(options: options, configuration: configuration)
        }
        throw .unknown(name, known: configuration.accounts.map(\.id.rawValue))
    }

    /// The single account of the top-level `server`/`user` keys, with flags over them.
    private static func legacy(
        options: ConnectionOptions, configuration: ClientConfiguration
    ) throws(SelectionError) -> AccountSettings {
        guard let server = options.server ?? configuration.server else { throw .missing("server") }
        guard let user = options.user ?? configuration.user else { throw .missing("user") }
        return AccountSettings(
            id: .default, server: server, user: user,
            passwordCommand: options.passwordCommand ?? configuration.passwordCommand,
            resource: configuration.resource, caFile: options.caFile ?? configuration.caFile)
    }

    private static func overriding(_ account: AccountSettings, with options: ConnectionOptions) -> AccountSettings {
        var account = account
        if let server = options.server { account.server = server }
        if let user = options.user { account.user = user }
        if let command = options.passwordCommand { account.passwordCommand = command }
        if let caFile = options.caFile { account.caFile = caFile }
        return account
    }
}
