import NatterCodecs
import Synchronization

/// One connection's queue of encoded frames, drained by its writer task, and the connection's hub
/// subscriber: domain events are encoded here, on the way in.
///
/// Bounded: a client that stops reading must not make the server buffer without limit. When the queue is
/// full the outbox closes instead of silently dropping frames, and the writer closes the WebSocket with
/// 1008, so the client reconnects and resynchronises rather than missing messages unknowingly.
final class RealtimeOutbox: HubSubscriber {
    static let capacity = 4096

    /// Why the server ends a connection on its own initiative; the writer turns it into a close frame.
    enum Closing: Sendable, Equatable {
        case overflowed
        case authenticationTimeout
    }

    let frames: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation
    private let closing = Mutex<Closing?>(nil)
    private let encoder: RealtimeEventEncoder

    init(domain: String, capacity: Int = RealtimeOutbox.capacity) {
        (frames, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(capacity))
        encoder = RealtimeEventEncoder(domain: domain)
    }

    func receive(_ event: HubEvent) {
        send(encoder.message(for: event))
    }

    func send(_ message: RealtimeMessage) {
        push(RealtimeCodec.encode(message))
    }

    func push(_ frame: String) {
        if case .dropped = continuation.yield(frame) { close(.overflowed) }
    }

    /// Ends the stream after the frames already queued; the first reason given is the one reported.
    func close(_ reason: Closing) {
        closing.withLock { closing in
            if closing == nil { closing = reason }
        }
        continuation.finish()
    }

    func finish() { continuation.finish() }

    var closingReason: Closing? { closing.withLock { $0 } }

    var hasOverflowed: Bool { closingReason == .overflowed }
}
