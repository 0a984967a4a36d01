import NatterEngine
import NatterModel

extension RealtimeAdapter {
    public var protocolKind: ProtocolKind { .realtime }
    public var capabilities: Set<Capability> { RealtimeSession.capabilities }
}
