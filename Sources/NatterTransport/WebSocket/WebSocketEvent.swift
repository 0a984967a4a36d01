/// What `WebSocketConnection.receive(timeout:)` hands to the application.
public enum WebSocketEvent: Sendable, Equatable {
    case message(WebSocketMessage)
    /// The connection is over. `code` is the peer's close code, nil when its close frame carried none,
    /// and 1006 when the TCP connection ended without a close handshake.
    case closed(code: UInt16?, reason: String)
}
