import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import NatterServer
import Synchronization

/// One client run: the engine, one adapter per protocol of every account, their caches, and for `--demo` the
/// embedded server.
///
/// The TUI and the scripting subcommands share it, so `natter send` exercises exactly the code the TUI does.
public final class ClientSession: Sendable {
    public let engine: EngineStore
    /// The configured accounts, in the order given.
    let accounts: [AccountSettings]
    let embedded: EmbeddedServer?
    /// Removed on close: a demo leaves nothing behind.
    let temporaryDirectory: String?

    init(engine: EngineStore, accounts: [AccountSettings], embedded: EmbeddedServer?, temporaryDirectory: String?) {
        self.engine = engine
        self.accounts = accounts
        self.embedded = embedded
        self.temporaryDirectory = temporaryDirectory
    }

    /// The account scripts act on: the first one configured.
    public var primaryAccount: AccountID { startedAccounts.first ?? accounts.first?.id ?? .default }

    /// The enabled accounts, which this run connects; disabled ones wait for `/connect NAME`.
    public var startedAccounts: [AccountID] { accounts.filter(\.enabled).map(\.id) }

    var domain: String { engine.state.domain(of: primaryAccount) }

    /// Resolves settings (flags over config file) into today's single `default` account, starts the demo server
    /// if asked, and begins connecting.
    public static func open(_ options: ConnectionOptions, interactive: Bool) throws -> ClientSession {
        let configuration = try ClientConfiguration.load(path: options.config ?? ClientConfiguration.defaultPath())
        guard options.demo else {
            let selection: AccountSelection
            do {
                selection = try AccountSelection.resolve(options, configuration: configuration)
            } catch {
                throw SessionError("\(error)", status: ExitStatus.configuration)
            }
            let configured = selection.accounts + selection.dormant
            guard !configured.isEmpty else {
                throw SessionError(
                    selection.problems.map(\.description).joined(separator: "; "), status: ExitStatus.configuration)
            }
            let session = try open(accounts: configured, interactive: interactive)
            session.report(selection.problems)
            return session
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "natter-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
            )
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let server = try EmbeddedServer.start(databasePath: directory + "/natterd.sqlite")
        let user = options.user ?? "alice"
        let account = AccountSettings(
            id: .default, server: "http://127.0.0.1:\(server.port)", user: user, resource: configuration.resource)
        // The demo's users have their names as passwords.
        let password = user.split(separator: "@").first.map(String.init) ?? user
        return try open(
            accounts: [account], interactive: interactive, knownPasswords: [.default: password], embedded: server,
            temporaryDirectory: directory)
    }

    /// One engine for every account in `accounts`: the entry point for config.toml's `[accounts.NAME]` tables.
    ///
    /// Each enabled account's adapters start now; an account that cannot start (a failing password command, no
    /// protocol natter speaks) is reported as that account's error while the others start. With a single account
    /// the failure is thrown instead, as it always was, so scripts get a clear exit status.
    public static func open(accounts: [AccountSettings], interactive: Bool) throws -> ClientSession {
        try open(
            accounts: accounts, interactive: interactive, knownPasswords: [:], embedded: nil, temporaryDirectory: nil)
    }

    static func open(
        accounts: [AccountSettings], interactive: Bool, knownPasswords: [AccountID: String],
        embedded: EmbeddedServer?, temporaryDirectory: String?
    ) throws -> ClientSession {
        guard !accounts.isEmpty else {
            throw SessionError(
                "no accounts configured: add an [accounts.NAME] table", status: ExitStatus.configuration)
        }
        let states = accounts.map { AccountState(id: $0.id, protocols: $0.protocols, domain: $0.domain) }
        // Scripts get no cache: a `natter send` that fails must fail, not leave a message in the TUI's outbox
        // to be sent behind the script's back (and again when the script retries).
        let engine: EngineStore
        if interactive {
            let logs = (try? ClientConfiguration.load(path: ClientConfiguration.defaultPath()))?.logs ?? false
            let stores = try accounts.map { account in
                try SQLiteMessageStore(
                    path: cachePath(for: account, in: temporaryDirectory), account: account.id,
                    log: logs ? ConversationLog(directory: ConversationLog.defaultDirectory(account: account.id)) : nil)
            }
            engine = EngineStore(state: EngineStore.restoredState(accounts: states, from: stores), stores: stores)
        } else {
            engine = EngineStore(state: ClientState(accounts: states))
        }
        let starter = AccountStarter(
            accounts: accounts, interactive: interactive, knownPasswords: knownPasswords)
        engine.setConnector { [weak engine] id in
            // A refused password is never tried again as is: the command runs again (it may have been fixed).
            if let account = engine?.state.accounts[id], Self.passwordWasRefused(account) {
                starter.forgetPassword(for: id)
            }
            return try starter.adapters(for: id, prompting: false)
        }
        let session = ClientSession(
            engine: engine, accounts: accounts, embedded: embedded, temporaryDirectory: temporaryDirectory)
        for account in accounts where account.enabled {
            do {
                for adapter in try starter.adapters(for: account.id, prompting: true) {
                    engine.attach(adapter, account: account.id)
                }
            } catch {
                if accounts.count == 1 {
                    session.close()
                    throw error
                }
                let protocolKind = account.protocols.first ?? .realtime
                engine.ingest(
                    .session(.connection(.offline(reason: "cannot start: \(error)"))),
                    from: SourceKey(account: account.id, protocolKind: protocolKind))
            }
        }
        return session
    }

    public func close() {
        engine.detachAll()
        embedded?.stop()
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }

    /// One cache file per account, named by address and server as before accounts existed, so old caches stay.
    static func cachePath(for account: AccountSettings, in temporaryDirectory: String?) -> String {
        if let temporaryDirectory { return temporaryDirectory + "/cache-\(account.id).sqlite" }
        return SQLiteMessageStore.defaultPath(account: account.address + "-" + cacheTag(for: account.server ?? ""))
    }

    /// Different servers must not share one cache: keys and histories would collide.
    private static func cacheTag(for serverURL: String) -> String {
        let host = serverURL.replacingOccurrences(of: "://", with: "-")
        return String(host.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
