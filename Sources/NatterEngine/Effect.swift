import Foundation
import NatterModel

/// Side effects the reducer asks for; `EngineStore` carries them out after the state is updated.
public enum Effect: Sendable, Equatable {
    case adapter(AdapterCommand)
    /// Write or update the message in the local cache (and the outbox while it is pending).
    case persist(Message)
    case forget(messageID: String)
    /// Wake the engine at this time (typing lapse, reconnect countdown).
    case wake(at: Date)
    case quit
}
