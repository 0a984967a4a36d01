import Dispatch
import NatterTransport

/// One live connection and the queue that writes to it.
///
/// Each connection gets its own writer queue: a write stuck on a server that stopped reading must not hold up
/// the next connection's `auth`.
struct RealtimeLink: Sendable {
    let connection: WebSocketConnection
    let writer: DispatchQueue

    init(_ connection: WebSocketConnection) {
        self.connection = connection
        self.writer = DispatchQueue(label: "natter.realtime.writer")
    }

    func send(_ text: String) {
        writer.async { [connection] in
            do {
                try connection.send(.text(text))
            } catch {
                // The reader thread sees the same failure and reconnects; unacked chats stay pending for the resend.
                connection.interrupt()
            }
        }
    }
}
