import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Synchronization

/// Builds an account's adapters: one per protocol the account uses that natter implements, with its password.
///
/// Passwords are resolved once and remembered, so `/connect NAME` inside the TUI never has to prompt on a terminal
/// that curses owns.
final class AccountStarter: Sendable {
    private let accounts: [AccountID: AccountSettings]
    private let interactive: Bool
    private let passwords: Mutex<[AccountID: String]>

    init(accounts: [AccountSettings], interactive: Bool, knownPasswords: [AccountID: String]) {
        self.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.interactive = interactive
        self.passwords = Mutex(knownPasswords)
    }

    /// The protocols natter has a client adapter for; the others are skipped with a notice.
    static let implemented: Set<ProtocolKind> = [.realtime, .contactStore, .roster, .channels, .conference]

    func adapters(for id: AccountID, prompting: Bool) throws -> [any ChatAdapter] {
        guard let account = accounts[id] else {
            throw SessionError("there is no account named \(id)", status: ExitStatus.configuration)
        }
        let usable = account.protocols.filter(Self.implemented.contains)
        guard !usable.isEmpty else {
            let names = account.protocols.map(\.rawValue).joined(separator: ", ")
            throw SessionError("natter has no client for \(names) yet", status: ExitStatus.configuration)
        }
        let password = try password(for: account, prompting: prompting)
        return try usable.map { protocolKind in
            switch protocolKind {
            case .realtime: return try realtime(account, password: password)
            case .contactStore: return try contactStore(account, password: password)
            case .roster:
                return try roster(account, password: password, carriesChat: !usable.contains(.realtime))
            case .channels: return try channels(account, password: password)
            case .conference: return try conference(account, password: password)
            }
        }
    }

    private func realtime(_ account: AccountSettings, password: String) throws -> RealtimeAdapter {
        let server = try server(of: account)
        let resource = (account.resource ?? (interactive ? "tui" : "cli")) + "-" + Self.shortRandom()
        return RealtimeAdapter(
            configuration: RealtimeAdapterConfiguration(
                serverURL: server, user: account.user, password: password, domain: account.domain,
                resource: resource, caFile: account.caFile))
    }

    private func contactStore(_ account: AccountSettings, password: String) throws -> ContactStoreAdapter {
        let server = try server(of: account)
        return ContactStoreAdapter(
            configuration: ContactStoreAdapterConfiguration(
                serverURL: server, user: account.user, password: password, domain: account.domain,
                caFile: account.caFile))
    }

    private func roster(_ account: AccountSettings, password: String, carriesChat: Bool) throws -> RosterAdapter {
        let server = try server(of: account)
        return RosterAdapter(
            configuration: RosterAdapterConfiguration(
                serverURL: server, user: account.user, password: password, domain: account.domain,
                caFile: account.caFile, carriesChat: carriesChat, statusTexts: account.statusTexts))
    }

    private func channels(_ account: AccountSettings, password: String) throws -> ChannelsAdapter {
        let server = try server(of: account)
        return ChannelsAdapter(
            configuration: ChannelsAdapterConfiguration(
                serverURL: server, user: account.user, password: password, domain: account.domain,
                caFile: account.caFile))
    }

    private func conference(_ account: AccountSettings, password: String) throws -> ConferenceAdapter {
        let server = try server(of: account)
        return ConferenceAdapter(
            configuration: ConferenceAdapterConfiguration(
                serverURL: server, user: account.address, password: password, domain: account.domain,
                caFile: account.caFile))
    }

    private func server(of account: AccountSettings) throws -> String {
        guard let server = account.server else {
            throw SessionError(
                "account \(account.id): no server given (server = \"https://…\")", status: ExitStatus.configuration)
        }
        return server
    }

    func forgetPassword(for id: AccountID) {
        passwords.withLock { $0[id] = nil }
    }

    private func password(for account: AccountSettings, prompting: Bool) throws -> String {
        if let known = passwords.withLock({ $0[account.id] }) { return known }
        let environment = ProcessInfo.processInfo.environment
        if !prompting, account.passwordCommand == nil, (environment["NATTER_PASSWORD"] ?? "").isEmpty {
            throw SessionError(
                "account \(account.id) needs a password: set password_command in config.toml (or NATTER_PASSWORD), "
                    + "then /reconnect \(account.id); or quit and start natter again to be asked",
                status: ExitStatus.noPermission)
        }
        let password = try PasswordSource.resolve(command: account.passwordCommand, user: account.user)
        passwords.withLock { $0[account.id] = password }
        return password
    }

    private static func shortRandom() -> String {
        String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }
}
