import Dispatch
import NatterTransport

/// One live WebSocket connection and the queue that writes to it, for the adapters whose link is a WebSocket
/// (Realtime, Channels).
///
/// Each connection gets its own writer queue: a write stuck on a server that stopped reading must not hold up
/// the next connection's opening messages.
struct WebSocketLink: Sendable {
    let connection: WebSocketConnection
    let writer: DispatchQueue

    init(_ connection: WebSocketConnection, label: String) {
        self.connection = connection
        self.writer = DispatchQueue(label: label)
    }

    func send(_ text: String) {
        writer.async { [connection] in
            do {
                try connection.send(.text(text))
            } catch {
                // The reader thread sees the same failure and reconnects; the adapter's session sends again, or
                // catches up on, whatever was not acknowledged.
                connection.interrupt()
            }
        }
    }

    /// Wakes the reader at once and says goodbye with a normal close frame, after anything already queued.
    func close() {
        connection.interrupt()
        writer.async { [connection] in connection.close(code: 1000, reason: "bye") }
    }
}
