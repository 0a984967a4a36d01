import NatterProtocols
import Synchronization

/// One connection's queue of encoded frames, drained by its writer task.
///
/// Bounded: a client that stops reading must not make the server buffer without limit. When the queue is
/// full the outbox closes instead of silently dropping frames, and the writer closes the WebSocket with
/// 1008, so the client reconnects and resynchronises rather than missing messages unknowingly.
final class RealtimeOutbox: Sendable {
    static let capacity = 4096

    let frames: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation
    private let overflowed = Atomic<Bool>(false)

    init(capacity: Int = RealtimeOutbox.capacity) {
        (frames, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(capacity))
    }

    func send(_ message: RealtimeMessage) {
        push(RealtimeCodec.encode(message))
    }

    func push(_ frame: String) {
        if case .dropped = continuation.yield(frame) {
            overflowed.store(true, ordering: .relaxed)
            continuation.finish()
        }
    }

    func finish() { continuation.finish() }

    var hasOverflowed: Bool { overflowed.load(ordering: .relaxed) }
}
