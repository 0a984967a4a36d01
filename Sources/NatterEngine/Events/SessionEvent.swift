import Foundation
import NatterModel

/// The adapter's own link: attach, connection, login, the end of the initial burst, and where to resume.
public enum SessionEvent: Sendable, Equatable {
    /// The engine attached the adapter with these capabilities; sent by `EngineStore`, not by adapters.
    case attached(Set<Capability>)
    /// The adapter was stopped (`/disconnect`, shutdown); sent by `EngineStore`.
    case detached
    case connection(ConnectionState)
    case authenticated(JID)
    /// The initial burst after login (roster, presences) is complete: scripts may read the roster now.
    case synchronized
    /// The adapter's resume point moved; the engine keeps it and hands it back in `catchUp`.
    case resumeCursor(ResumeCursor)
    case notice(Notice)
}
