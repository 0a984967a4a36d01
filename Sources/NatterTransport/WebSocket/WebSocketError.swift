/// Errors thrown by the WebSocket client. Equality compares the kind only, so callers and tests can
/// match on `WebSocketError.protocolViolation` without caring about the detail text.
public struct WebSocketError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Base: Sendable, Equatable {
        case invalidURL
        case connectFailed
        case tlsFailed
        case handshakeFailed
        case protocolViolation
        case invalidUTF8
        case messageTooBig
        case compressionFailed
        case connectionClosed
        case transportFailed
    }

    private let base: Base
    /// Human-readable context; not part of equality.
    public let detail: String

    private init(_ base: Base, _ detail: String = "") {
        self.base = base
        self.detail = detail
    }

    public static let invalidURL = WebSocketError(.invalidURL)
    public static let connectFailed = WebSocketError(.connectFailed)
    public static let tlsFailed = WebSocketError(.tlsFailed)
    public static let handshakeFailed = WebSocketError(.handshakeFailed)
    public static let protocolViolation = WebSocketError(.protocolViolation)
    public static let invalidUTF8 = WebSocketError(.invalidUTF8)
    public static let messageTooBig = WebSocketError(.messageTooBig)
    public static let compressionFailed = WebSocketError(.compressionFailed)
    public static let connectionClosed = WebSocketError(.connectionClosed)
    public static let transportFailed = WebSocketError(.transportFailed)

    public static func invalidURL(_ detail: String) -> Self { .init(.invalidURL, detail) }
    public static func connectFailed(_ detail: String) -> Self { .init(.connectFailed, detail) }
    public static func tlsFailed(_ detail: String) -> Self { .init(.tlsFailed, detail) }
    public static func handshakeFailed(_ detail: String) -> Self { .init(.handshakeFailed, detail) }
    public static func protocolViolation(_ detail: String) -> Self { .init(.protocolViolation, detail) }
    public static func invalidUTF8(_ detail: String) -> Self { .init(.invalidUTF8, detail) }
    public static func messageTooBig(_ detail: String) -> Self { .init(.messageTooBig, detail) }
    public static func compressionFailed(_ detail: String) -> Self { .init(.compressionFailed, detail) }
    public static func connectionClosed(_ detail: String) -> Self { .init(.connectionClosed, detail) }
    public static func transportFailed(_ detail: String) -> Self { .init(.transportFailed, detail) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.base == rhs.base }

    /// The close code RFC 6455 §7.4.1 prescribes when this error makes us fail the connection.
    public var closeCode: UInt16 {
        switch base {
        case .invalidUTF8, .compressionFailed: return 1007
        case .messageTooBig: return 1009
        default: return 1002
        }
    }

    public var description: String {
        let kind: String
        switch base {
        case .invalidURL: kind = "invalid WebSocket URL"
        case .connectFailed: kind = "connect failed"
        case .tlsFailed: kind = "TLS failed"
        case .handshakeFailed: kind = "WebSocket handshake failed"
        case .protocolViolation: kind = "WebSocket protocol violation"
        case .invalidUTF8: kind = "invalid UTF-8 in text"
        case .messageTooBig: kind = "message too big"
        case .compressionFailed: kind = "permessage-deflate failed"
        case .connectionClosed: kind = "connection closed"
        case .transportFailed: kind = "transport failed"
        }
        return detail.isEmpty ? kind : "\(kind): \(detail)"
    }
}
