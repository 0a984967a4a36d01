/// Why a Channels frame could not be turned into a message.
///
/// A server that could not read a client message answers with ``acknowledgement()``: the seed promises one `ack`
/// per client message, in order, so even an unreadable frame gets a `status:false` ack (echoing `id` when it could
/// be read) and the connection stays open. A client that could not read a server message answers nothing.
public struct ChannelCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case frameTooLarge(size: Int, limit: Int)
        case malformedJSON
        case notAnObject
        case missingType
        case unknownType(String)
        case missingField(String)
        case invalidField(String)
    }

    /// Which side's message was being read.
    public enum Sender: Sendable, Equatable {
        case client
        case server
    }

    private let kind: Kind
    /// The offending message's `id`, when it could be read.
    public let id: String?
    public let sender: Sender

    private init(_ kind: Kind, id: String?, sender: Sender) {
        self.kind = kind
        self.id = id
        self.sender = sender
    }

    static func frameTooLarge(size: Int, limit: Int, sender: Sender) -> Self {
        .init(.frameTooLarge(size: size, limit: limit), id: nil, sender: sender)
    }
    static func malformedJSON(_ sender: Sender) -> Self { .init(.malformedJSON, id: nil, sender: sender) }
    static func notAnObject(_ sender: Sender) -> Self { .init(.notAnObject, id: nil, sender: sender) }
    static func missingType(id: String?, _ sender: Sender) -> Self { .init(.missingType, id: id, sender: sender) }
    static func unknownType(_ type: String, id: String?, _ sender: Sender) -> Self {
        .init(.unknownType(type), id: id, sender: sender)
    }
    static func missingField(_ name: String, id: String?, _ sender: Sender) -> Self {
        .init(.missingField(name), id: id, sender: sender)
    }
    static func invalidField(_ name: String, id: String?, _ sender: Sender) -> Self {
        .init(.invalidField(name), id: id, sender: sender)
    }

    /// The `type` string when the failure is an unknown message type.
    public var unknownType: String? {
        if case .unknownType(let type) = kind { return type }
        return nil
    }

    /// The field name for missing or invalid field errors.
    public var field: String? {
        switch kind {
        case .missingField(let name), .invalidField(let name): name
        default: nil
        }
    }

    public var isFrameTooLarge: Bool {
        if case .frameTooLarge = kind { return true }
        return false
    }

    public var isMalformedJSON: Bool {
        switch kind {
        case .malformedJSON, .notAnObject: true
        default: false
        }
    }

    /// Whether the reader should answer with a `status:false` ack: a server does, a client never acks.
    public var answersWithAck: Bool { sender == .client }

    /// The `status:false` ack a server sends for this error, or `nil` when the error came from a server message.
    public func acknowledgement() -> ChannelAck? {
        guard answersWithAck else { return nil }
        return ChannelAck(replyTo: id, status: false, reason: description)
    }

    public var description: String {
        switch kind {
        case .frameTooLarge(let size, let limit): "frame of \(size) bytes exceeds the limit of \(limit) bytes"
        case .malformedJSON: "malformed JSON"
        case .notAnObject: "message must be a JSON object"
        case .missingType: "message has no type"
        case .unknownType(let type): "unknown message type '\(type)'"
        case .missingField(let name): "missing required field '\(name)'"
        case .invalidField(let name): "invalid value for field '\(name)'"
        }
    }
}
