/// A protocol adapter: translates one wire protocol into engine events and adapter commands into the wire.
///
/// Adapters own their threads and sockets. They must never block the caller of `perform`.
public protocol ChatAdapter: AnyObject, Sendable {
    /// Begins connecting; events flow into `sink` from then on, from any thread.
    func start(sink: @escaping @Sendable (EngineEvent) -> Void)
    func perform(_ command: AdapterCommand)
    /// Closes connections and stops reconnecting; no events after this returns.
    func stop()
}
