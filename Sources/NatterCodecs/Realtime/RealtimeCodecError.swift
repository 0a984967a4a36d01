/// Why a frame could not be turned into a `RealtimeMessage`.
///
/// The server maps `unknownType` to `invalid_message_type` and everything else to `invalid_arg`, echoing
/// `id` when the frame had one.
public struct RealtimeCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case malformedJSON
        case notAnObject
        case missingType
        case unknownType(String)
        case missingField(String)
        case invalidField(String)
    }

    private let kind: Kind
    /// The offending message's `id`, when it could be read.
    public let id: String?

    private init(_ kind: Kind, id: String?) {
        self.kind = kind
        self.id = id
    }

    public static let malformedJSON = RealtimeCodecError(.malformedJSON, id: nil)
    public static let notAnObject = RealtimeCodecError(.notAnObject, id: nil)
    public static func missingType(id: String?) -> Self { .init(.missingType, id: id) }
    public static func unknownType(_ type: String, id: String?) -> Self { .init(.unknownType(type), id: id) }
    public static func missingField(_ name: String, id: String?) -> Self { .init(.missingField(name), id: id) }
    public static func invalidField(_ name: String, id: String?) -> Self { .init(.invalidField(name), id: id) }

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

    /// The protocol error code a server should answer with.
    public var code: RealtimeErrorCode {
        if case .unknownType = kind { return .invalidMessageType }
        return .invalidArg
    }

    public var description: String {
        switch kind {
        case .malformedJSON: "malformed JSON"
        case .notAnObject: "message must be a JSON object"
        case .missingType: "message has no type"
        case .unknownType(let type): "unknown message type '\(type)'"
        case .missingField(let name): "missing required property '\(name)'"
        case .invalidField(let name): "invalid value for property '\(name)'"
        }
    }
}
