import NatterModel

/// A protocol adapter: translates one wire protocol into engine events and adapter commands into the wire.
///
/// Every adapter belongs to one account (the engine knows which; the adapter need not) and declares what it can
/// do. The engine sends it only commands for those capabilities. Adapters own their threads and sockets and must
/// never block the caller of `perform`.
public protocol ChatAdapter: AnyObject, Sendable {
    var protocolKind: ProtocolKind { get }
    var capabilities: Set<Capability> { get }
    /// Begins connecting; events flow into `sink` from then on, from any thread.
    func start(sink: @escaping @Sendable (EngineEvent) -> Void)
    func perform(_ command: AdapterCommand)
    /// Closes connections and stops reconnecting; no events after this returns.
    func stop()
}
