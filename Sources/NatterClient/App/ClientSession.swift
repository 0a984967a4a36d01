import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import NatterServer

/// One logged-in client: the engine, its adapters, its cache, and for `--demo` the embedded server.
///
/// The TUI and the scripting subcommands share it, so `natter send` exercises exactly the code the TUI does.
public final class ClientSession: Sendable {
    public let engine: EngineStore
    let domain: String
    let embedded: EmbeddedServer?
    /// Removed on close: a demo leaves nothing behind.
    let temporaryDirectory: String?

    init(engine: EngineStore, domain: String, embedded: EmbeddedServer?, temporaryDirectory: String?) {
        self.engine = engine
        self.domain = domain
        self.embedded = embedded
        self.temporaryDirectory = temporaryDirectory
    }

    /// Resolves settings (flags over config file), starts the demo server if asked, and begins connecting.
    public static func open(_ options: ConnectionOptions, interactive: Bool) throws -> ClientSession {
        let configuration = try ClientConfiguration.load(path: options.config ?? ClientConfiguration.defaultPath())
        var embedded: EmbeddedServer?
        var temporaryDirectory: String?
        let serverURL: String
        let user: String
        let password: String
        var selected: AccountSettings?
        if options.demo {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent(
                    "natter-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
                )
                .path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            temporaryDirectory = directory
            let server = try EmbeddedServer.start(databasePath: directory + "/natterd.sqlite")
            embedded = server
            serverURL = "http://127.0.0.1:\(server.port)"
            user = options.user ?? "alice"
            password = user.split(separator: "@").first.map(String.init) ?? user
        } else {
            // Until the engine routes several accounts, a run uses one: the flags, `--account`, or the only one.
            let account: AccountSettings
            do {
                account = try AccountSelection.resolve(options, configuration: configuration).single()
            } catch {
                throw SessionError("\(error)")
            }
            selected = account
            serverURL = account.server ?? ""
            user = account.user
            password = try PasswordSource.resolve(command: account.passwordCommand, user: account.user)
        }
        let domain = user.contains("@") ? String(user.split(separator: "@").last!) : "natter.test"
        let account = user.contains("@") ? user : "\(user)@\(domain)"
        // Scripts get no cache: a `natter send` that fails must fail, not leave a message in the TUI's outbox
        // to be sent behind the script's back (and again when the script retries).
        let engine: EngineStore
        if interactive {
            let cachePath =
                temporaryDirectory.map { $0 + "/cache.sqlite" }
                ?? SQLiteMessageStore.defaultPath(account: account + "-" + Self.cacheTag(for: serverURL))
            let store = try SQLiteMessageStore(path: cachePath)
            engine = EngineStore(state: EngineStore.restoredState(domain: domain, from: store), store: store)
        } else {
            engine = EngineStore(state: ClientState(domain: domain))
        }
        let resource =
            (selected?.resource ?? configuration.resource ?? (interactive ? "tui" : "cli")) + "-" + Self.shortRandom()
        let adapter = RealtimeAdapter(
            configuration: RealtimeAdapterConfiguration(
                serverURL: serverURL, user: user, password: password, domain: domain, resource: resource,
                caFile: selected?.caFile ?? options.caFile ?? configuration.caFile))
        engine.attach(adapter)
        return ClientSession(
            engine: engine, domain: domain, embedded: embedded, temporaryDirectory: temporaryDirectory)
    }

    public func close() {
        engine.detachAll()
        embedded?.stop()
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }

    /// Different servers must not share one cache: keys and histories would collide.
    private static func cacheTag(for serverURL: String) -> String {
        let host = serverURL.replacingOccurrences(of: "://", with: "-")
        return String(host.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    private static func shortRandom() -> String {
        String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }
}
