import Foundation
import NatterModel

/// Side effects the reducer asks for; `EngineStore` carries them out after the state is updated.
public enum Effect: Sendable, Equatable {
    /// A command for exactly one adapter: the reducer has already routed it.
    case adapter(SourceKey, AdapterCommand)
    /// Write or update the message in its account's cache (and the outbox while it is pending).
    case persist(Message)
    case forget(messageID: String, account: AccountID)
    /// Keep an adapter's resume cursor across restarts.
    case saveCursor(ResumeCursor, for: SourceKey)
    /// Wake the engine at this time (typing lapse, reconnect countdown).
    case wake(at: Date)
    /// Start the account's adapters (`/connect NAME`).
    case connect(AccountID)
    /// Stop the account's adapters (`/disconnect NAME`); its state stays for `/accounts`.
    case disconnect(AccountID)
    case quit
}
