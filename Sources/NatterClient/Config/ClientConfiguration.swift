import Foundation
import NatterTUI
import TOMLKit

/// Settings from `$XDG_CONFIG_HOME/natter/config.toml`; command-line flags override them.
///
/// A password is deliberately not a setting: the file is refused if it has one, so it never sits in plain text.
public struct ClientConfiguration: Sendable, Equatable {
    public var server: String?
    public var user: String?
    public var passwordCommand: String?
    public var theme: String?
    public var resource: String?
    /// An extra CA bundle for self-hosted servers with a private CA; verification itself stays on.
    public var caFile: String?
    /// `bell = false` silences the BEL on private messages and highlights.
    public var bell = true
    /// `logs = true` keeps a plain-text log per conversation under `$XDG_STATE_HOME/natter/logs`.
    public var logs = false
    /// `notify_command = ["notify-send", "Natter"]`: run (no shell) with the sender and the text appended.
    public var notifyCommand: [String] = []
    /// `highlight_words = ["deploy", "natter"]`: besides your own names, words that make a message a highlight.
    public var highlightWords: [String] = []
    /// `timestamp_format = "HH:mm:ss"`: the clock before each line (see `TimestampFormat`).
    public var timestampFormat: String?
    /// `prefix_align = "right"` (or "left", "none", the default): nicks in one column, as WeeChat's option;
    /// `prefix_align_max = 12` caps the column, longer nicks are cut with `…`.
    public var prefixAlign: String?
    public var prefixAlignMax: Int?
    /// `show_room_status = false` hides joins, parts and presence changes in room windows.
    public var showRoomStatus = true
    /// `[keys]`: key name → action name (`"ctrl-t" = "next_window"`), checked when the file is read.
    public var keyBindings = KeyBindings.defaults
    /// `mouse = true`: wheel scrolling and clicks on windows and roster entries; off by default.
    public var mouse = false
    /// The `[accounts.NAME]` tables that could be read, in name order.
    public var accounts: [AccountSettings]
    /// The `[accounts.NAME]` tables that could not: reported by name, while the others start.
    public var accountProblems: [AccountConfigurationProblem]

    public init(
        server: String? = nil, user: String? = nil, passwordCommand: String? = nil, theme: String? = nil,
        resource: String? = nil, caFile: String? = nil, accounts: [AccountSettings] = [],
        accountProblems: [AccountConfigurationProblem] = []
    ) {
        self.server = server
        self.user = user
        self.passwordCommand = passwordCommand
        self.theme = theme
        self.resource = resource
        self.caFile = caFile
        self.accounts = accounts
        self.accountProblems = accountProblems
    }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/natter/config.toml"
    }

    /// Reads the file if it exists; a missing file is an empty configuration, a broken one is an error.
    public static func load(path: String) throws -> ClientConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return ClientConfiguration() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError.unreadable(path: path, reason: "\(error)")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String = "config.toml") throws -> ClientConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError.malformed(
                path: path, line: error.source.begin.line, reason: error.description)
        } catch {
            throw ConfigurationError.malformed(path: path, line: nil, reason: "\(error)")
        }
        if table.contains(key: "password") { throw ConfigurationError.plaintextPassword(path: path) }
        let known: Set<String> = [
            "server", "user", "password_command", "theme", "resource", "ca_file", "accounts", "bell", "notify_command",
            "highlight_words", "timestamp_format", "prefix_align", "prefix_align_max", "show_room_status", "logs",
            "keys",
            "mouse",
        ]
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            throw ConfigurationError.unknownKey(path: path, key: unknown)
        }
        func string(_ key: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string else { throw ConfigurationError.wrongType(path: path, key: key) }
            return string
        }
        var accounts: [AccountSettings] = []
        var problems: [AccountConfigurationProblem] = []
        if let value = table["accounts"] {
            guard let accountTables = value.table else {
                throw ConfigurationError.wrongType(path: path, key: "accounts", expected: "a table of [accounts.NAME]")
            }
            (accounts, problems) = AccountTable.parse(accountTables)
        }
        func flag(_ key: String) throws -> Bool? {
            guard let value = table[key] else { return nil }
            guard let flag = value.bool else {
                throw ConfigurationError.wrongType(path: path, key: key, expected: "true or false")
            }
            return flag
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = table[key] else { return [] }
            guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                throw ConfigurationError.wrongType(path: path, key: key, expected: "a list of strings")
            }
            return array.compactMap(\.string)
        }
        var configuration = ClientConfiguration(
            server: try string("server"), user: try string("user"), passwordCommand: try string("password_command"),
            theme: try string("theme"), resource: try string("resource"), caFile: try string("ca_file"),
            accounts: accounts, accountProblems: problems)
        if let value = try flag("bell") { configuration.bell = value }
        if let value = try flag("logs") { configuration.logs = value }
        configuration.notifyCommand = try strings("notify_command")
        configuration.highlightWords = try strings("highlight_words")
        configuration.timestampFormat = try string("timestamp_format")
        configuration.prefixAlign = try string("prefix_align")
        if let align = configuration.prefixAlign, !["none", "left", "right"].contains(align) {
            throw ConfigurationError.wrongType(
                path: path, key: "prefix_align", expected: "\"none\", \"left\" or \"right\"")
        }
        if let value = table["prefix_align_max"] {
            guard let number = value.int, number > 0 else {
                throw ConfigurationError.wrongType(path: path, key: "prefix_align_max", expected: "a positive number")
            }
            configuration.prefixAlignMax = number
        }
        if let value = try flag("show_room_status") { configuration.showRoomStatus = value }
        if let value = try flag("mouse") { configuration.mouse = value }
        if let value = table["keys"] {
            guard let keys = value.table else {
                throw ConfigurationError.wrongType(path: path, key: "keys", expected: "a [keys] table")
            }
            var configured: [String: String] = [:]
            for name in keys.keys {
                guard let action = keys[name]?.string else {
                    throw ConfigurationError.wrongType(path: path, key: "keys.\(name)", expected: "an action name")
                }
                configured[name] = action
            }
            do {
                configuration.keyBindings = try KeyBindings(configured: configured)
            } catch {
                throw ConfigurationError.malformed(path: path, line: nil, reason: error.description)
            }
        }
        return configuration
    }
}
