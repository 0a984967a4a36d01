import NatterModel
import NatterProtocols

/// One `[accounts.NAME]` table of config.toml, or the account built from `--server`/`--user` flags.
///
/// This is what `ClientSession` turns into adapters: one per protocol the account uses and natter implements.
public struct AccountSettings: Sendable, Equatable {
    public var id: AccountID
    /// Protocols to use; a natterd account (one with `server`) defaults to every protocol natter implements.
    public var protocols: [ProtocolKind]
    /// natterd base URL (`http://127.0.0.1:7070`); protocol-specific URLs override it per protocol.
    public var server: String?
    public var user: String
    public var passwordCommand: String?
    public var resource: String?
    public var caFile: String?
    /// `enabled = false` keeps an account in the file without connecting it at start (`/connect NAME` still can).
    public var enabled: Bool
    /// `[accounts.NAME.status]`: what `/presence STATE` without a text says, per language (Zimbra IM).
    public var statusTexts: RosterStatusTexts

    public init(
        id: AccountID, protocols: [ProtocolKind] = ProtocolKind.allCases, server: String? = nil, user: String,
        passwordCommand: String? = nil, resource: String? = nil, caFile: String? = nil, enabled: Bool = true,
        statusTexts: RosterStatusTexts = RosterStatusTexts()
    ) {
        self.id = id
        self.protocols = protocols
        self.server = server
        self.user = user
        self.passwordCommand = passwordCommand
        self.resource = resource
        self.caFile = caFile
        self.enabled = enabled
        self.statusTexts = statusTexts
    }

    /// The user's domain: the part after `@`, else natterd's default.
    public var domain: String {
        user.split(separator: "@", maxSplits: 1).dropFirst().first.map(String.init) ?? "natter.test"
    }

    /// `alice@natter.test` for `alice`.
    public var address: String { user.contains("@") ? user : "\(user)@\(domain)" }
}
