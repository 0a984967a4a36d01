import ArgumentParser

/// How to reach and log in to a server; shared by the TUI and the scripting subcommands.
public struct ConnectionOptions: ParsableArguments, Sendable {
    @Flag(name: .long, help: "Start an embedded natterd with demo data and log in as alice.")
    public var demo = false

    @Option(name: .long, help: "Server base URL, e.g. http://127.0.0.1:7070.")
    public var server: String?

    @Option(name: .long, help: "User name (alice) or address (alice@natter.test).")
    public var user: String?

    @Option(name: .long, help: "Command whose first output line is the password (e.g. 'pass show natter').")
    public var passwordCommand: String?

    @Option(name: .long, help: "Extra CA bundle for a server with a private certificate authority.")
    public var caFile: String?

    @Option(name: .long, help: "Use only this [accounts.NAME] of config.toml.")
    public var account: String?

    @Option(name: .long, help: "Configuration file (default: $XDG_CONFIG_HOME/natter/config.toml).")
    public var config: String?

    public init() {}
}
