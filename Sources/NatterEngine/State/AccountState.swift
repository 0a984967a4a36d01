import Foundation
import NatterModel

/// One account as the engine sees it: who we are there, how its adapters are connected, and where they resume.
public struct AccountState: Sendable, Equatable {
    public var id: AccountID
    /// The protocols config.toml asked for, whether or not an adapter for each is running.
    public var protocols: [ProtocolKind]
    /// Domain for bare names typed for this account; the server's answer to login overrides it.
    public var domain: String
    /// Our own full address once an adapter authenticated.
    public var identity: JID?
    public var presence: Presence
    public var statusText: String?
    /// The latest failure, kept after recovery so `/accounts` can say what went wrong.
    public var lastError: String?
    /// The adapters attached now (or stopped, marked so), by protocol.
    public var adapters: [ProtocolKind: AdapterState]
    /// Resume cursors by protocol; they outlive a detached adapter and come back from the cache.
    public var cursors: [ProtocolKind: ResumeCursor]

    public init(id: AccountID, protocols: [ProtocolKind] = [.realtime], domain: String) {
        self.id = id
        self.protocols = protocols
        self.domain = domain
        self.identity = nil
        self.presence = .available
        self.statusText = nil
        self.lastError = nil
        self.adapters = [:]
        self.cursors = [:]
    }

    /// Attached adapters in the table's protocol order.
    public var attachedAdapters: [AdapterState] {
        adapters.values.filter(\.isAttached).sorted { $0.protocolKind < $1.protocolKind }
    }

    /// The account's link for the status bar: online only when every attached adapter is.
    public var connection: ConnectionState {
        let attached = attachedAdapters
        guard !attached.isEmpty else { return .offline(reason: lastError) }
        return attached.first { !$0.connection.isOnline }?.connection ?? .online
    }

    public var isOnline: Bool { connection.isOnline }

    /// True once every attached adapter finished its initial burst after the latest login.
    public var isSynchronized: Bool {
        let attached = attachedAdapters
        return !attached.isEmpty && attached.allSatisfy(\.isSynchronized)
    }

    public var capabilities: Set<Capability> {
        attachedAdapters.reduce(into: []) { $0.formUnion($1.capabilities) }
    }
}

/// One adapter of one account: its own link, login and initial-burst flag.
public struct AdapterState: Sendable, Equatable {
    public var protocolKind: ProtocolKind
    public var capabilities: Set<Capability>
    public var isAttached: Bool
    public var connection: ConnectionState
    public var isSynchronized: Bool
    /// Signed in on the current connection: the link is up at the protocol level, not only at the socket.
    public var isAuthenticated: Bool
    /// Signed in at least once since it was attached, so a new sign-in is a link coming back.
    public var hasAuthenticated: Bool
    /// Catch-up pages fetched since the last login; bounded so a months-old cache does not page forever.
    public var catchUpPages: Int

    public init(protocolKind: ProtocolKind, capabilities: Set<Capability>) {
        self.protocolKind = protocolKind
        self.capabilities = capabilities
        self.isAttached = true
        self.connection = .connecting
        self.isSynchronized = false
        self.isAuthenticated = false
        self.hasAuthenticated = false
        self.catchUpPages = 0
    }
}
