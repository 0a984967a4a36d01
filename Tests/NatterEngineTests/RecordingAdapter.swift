import Foundation
import NatterEngine
import NatterModel
import Synchronization

/// An adapter that records the commands it is given and emits whatever a test tells it to.
///
/// `stop` deliberately keeps the sink, like a buggy adapter whose reader thread lags behind: the engine itself
/// must drop what comes after.
final class RecordingAdapter: ChatAdapter {
    let protocolKind: ProtocolKind
    let capabilities: Set<Capability>
    /// Called inside `perform`, to show that an adapter may call back into the engine from there.
    let onPerform: (@Sendable (AdapterCommand, RecordingAdapter) -> Void)?

    private struct Recorded {
        var commands: [AdapterCommand] = []
        var sink: (@Sendable (EngineEvent) -> Void)?
        var stopped = false
    }

    private let recorded = Mutex(Recorded())
    /// Signalled once the engine has started the adapter, so a test can emit knowing the sink is there.
    let started = DispatchSemaphore(value: 0)

    init(
        _ protocolKind: ProtocolKind = .realtime, capabilities: Set<Capability> = [.chat, .typing, .rooms, .presence],
        onPerform: (@Sendable (AdapterCommand, RecordingAdapter) -> Void)? = nil
    ) {
        self.protocolKind = protocolKind
        self.capabilities = capabilities
        self.onPerform = onPerform
    }

    func start(sink: @escaping @Sendable (EngineEvent) -> Void) {
        recorded.withLock { $0.sink = sink }
        started.signal()
    }

    func perform(_ command: AdapterCommand) {
        recorded.withLock { $0.commands.append(command) }
        onPerform?(command, self)
    }

    func stop() {
        recorded.withLock { $0.stopped = true }
    }

    func emit(_ event: EngineEvent) {
        recorded.withLock { $0.sink }?(event)
    }

    var commands: [AdapterCommand] { recorded.withLock { $0.commands } }
    var isStopped: Bool { recorded.withLock { $0.stopped } }

    var sentLocalIDs: [String] {
        commands.compactMap { command in
            if case .chat(.send(let localID, _, _)) = command { localID } else { nil }
        }
    }
}
