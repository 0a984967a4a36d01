import ArgumentParser
import Foundation
import Logging
import NatterModel
import NatterServer

@main
struct Natterd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "natterd",
        abstract: "The Natter chat server: one core over SQLite, five protocol doors onto it.",
        discussion: """
            Doors: the Ryver-style login and Realtime WebSocket (/api/1/odata.svc, /realtime), the Unified Contact \
            Store (POST /EWS/Exchange.asmx), Zimbra IM SOAP (POST /service/soap/), Cloudonix-style channels \
            (/messaging) and Communicator Web Access (/cwa/). A user on any door sees the same contacts, \
            presence and messages.
            """,
        version: NatterVersion.current,
        subcommands: [Serve.self, AddUser.self],
        defaultSubcommand: Serve.self)
}

struct CommonOptions: ParsableArguments {
    @Option(help: "SQLite database file (default: a temporary database, removed on exit).")
    var db: String?

    @Option(help: "The one domain this server serves.")
    var domain = "natter.test"

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(help: "bcrypt cost (4-31) for new password hashes; logins rehash older or cheaper ones.")
    var bcryptCost = Storage.defaultPasswordCost

    func validate() throws {
        guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be within 4...31") }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve until SIGINT or SIGTERM (the default).")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 7070

    @Flag(help: "Seed demo users (alice, bob, carol, dave; password = name) into an empty database.")
    var demo = false

    @Flag(inversion: .prefixedNo, help: "With --demo: simulate carol answering chats and dave changing presence.")
    var demoPeer = true

    @Option(help: "PEM certificate chain; with --tls-key, serve HTTPS and wss:// only.")
    var tlsCert: String?

    @Option(help: "PEM private key for --tls-cert.")
    var tlsKey: String?

    @Option(help: "Seconds a WebSocket may stay open without authenticating.")
    var authTimeout: Double = 10

    @Option(help: "Seconds a login session may go unused before it expires (default: 30 days).")
    var sessionLifetime: Double = Storage.defaultSessionLifetime

    @Option(
        name: .customLong("gateway"),
        help: ArgumentHelp(
            "Offer a gateway service NAME bridging Zimbra IM users to the Ryver-compatible server at URL (repeatable).",
            valueName: "NAME=URL"))
    var gateways: [String] = []

    @Option(
        name: .customLong("gateway-ca"),
        help: ArgumentHelp(
            "PEM certificate authorities a gateway trusts for https remotes, besides the system's.",
            valueName: "FILE"))
    var gatewayCA: String?

    @OptionGroup var options: CommonOptions

    func validate() throws {
        var names = Set<String>()
        for argument in gateways {
            let gateway: GatewayServiceConfiguration
            do {
                gateway = try GatewayServiceConfiguration(parsing: argument)
            } catch {
                throw ValidationError("--gateway \(argument): \(error)")
            }
            guard names.insert(gateway.name).inserted else {
                throw ValidationError("--gateway \(gateway.name) is given twice")
            }
        }
        if let gatewayCA {
            do {
                _ = try GatewayTLS(certificateAuthorityFile: gatewayCA)
            } catch {
                throw ValidationError("--gateway-ca: \(error)")
            }
        }
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        guard authTimeout > 0, sessionLifetime > 0 else {
            throw ValidationError("--auth-timeout and --session-lifetime must be positive")
        }
    }

    func run() async throws {
        bootstrapLogging(options.logLevel)
        // Before anything touches the database: a port someone else holds must not leave a new (or migrated)
        // database behind, nor seed demo users into one.
        try PortProbe.claim(host: host, port: port)
        var configuration = ServerConfiguration(
            host: host, port: port, databasePath: options.db, domain: options.domain, demo: demo,
            demoPeer: demoPeer, logLevel: options.logLevel, passwordCost: options.bcryptCost,
            authenticationTimeout: .milliseconds(Int64(authTimeout * 1000)),
            sessionLifetime: .milliseconds(Int64(sessionLifetime * 1000)))
        configuration.tlsCertificatePath = tlsCert
        configuration.tlsKeyPath = tlsKey
        configuration.gateways = gateways.compactMap(GatewayServiceConfiguration.init(argument:))
        configuration.gatewayCertificateAuthorityPath = gatewayCA
        try await NatterServer(configuration: configuration).run()
    }
}

struct AddUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adduser",
        abstract: "Create a user. The password comes from NATTER_PASSWORD, else the first line of stdin.")

    @Argument(help: "User name (the JID local part).")
    var name: String

    @Option(help: "Name shown to other users.")
    var displayName: String?

    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard options.db != nil else { throw ValidationError("adduser needs --db: a temporary database would be lost") }
    }

    func run() async throws {
        bootstrapLogging(options.logLevel)
        let password = ProcessInfo.processInfo.environment["NATTER_PASSWORD"] ?? readLine(strippingNewline: true)
        guard let password, !password.isEmpty else { throw ValidationError("no password given") }
        let storage = try Storage(path: options.db, passwordCost: options.bcryptCost)
        defer { storage.close() }
        let user = try await storage.createUser(name: name, displayName: displayName, password: password)
        print("created \(user.name)@\(options.domain)")
    }
}

private func bootstrapLogging(_ level: Logger.Level) {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
}
