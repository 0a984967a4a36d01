import NatterEngine
import NatterModel

extension ConferenceAdapter {
    public var protocolKind: ProtocolKind { .conference }
    /// Typing is declared so a conference's composing notices route here: the engine sends a conversation's
    /// commands to its owner, and this adapter owns only conferences.
    public var capabilities: Set<Capability> { [.conferences, .typing] }
}
