import NatterCodecs
import Synchronization

/// One Channels connection's queue of encoded frames, drained by its writer task; also the connection's hub
/// subscriber, so the core counts it as a session of its user (for presence).
///
/// Bounded like `RealtimeOutbox`: a client that stops reading is closed with 1008 rather than silently
/// missing frames.
final class ChannelsOutbox: HubSubscriber {
    static let capacity = 4096

    /// Why the server ends a connection on its own initiative; the writer turns it into a close frame.
    enum Closing: Sendable, Equatable {
        case overflowed
        case sessionEnded
    }

    let frames: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation
    private let closing = Mutex<Closing?>(nil)

    init(capacity: Int = ChannelsOutbox.capacity) {
        (frames, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(capacity))
    }

    /// Presence, chats and typing of the other protocols have no Channels shape: channel members learn about
    /// each other from the door's own `member-status`.
    func receive(_ event: HubEvent) {}

    func send(_ message: ChannelServerMessage) {
        if case .dropped = continuation.yield(ChannelCodec.encode(message)) { close(.overflowed) }
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
}
