import NatterWire

/// `error`: the server's answer to a message it could not process.
public struct RealtimeErrorMessage: Sendable, Equatable, Error {
    /// The `id` of the offending message, when it had one.
    public var id: String?
    public var code: RealtimeErrorCode
    public var text: String
    public var data: JSONValue?

    public init(id: String? = nil, code: RealtimeErrorCode, text: String, data: JSONValue? = nil) {
        self.id = id
        self.code = code
        self.text = text
        self.data = data
    }
}

/// Error codes from the seed; open-ended so that a newer server's codes still decode.
public struct RealtimeErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let invalidArg = RealtimeErrorCode(rawValue: "invalid_arg")
    public static let authFailed = RealtimeErrorCode(rawValue: "auth_failed")
    public static let serverError = RealtimeErrorCode(rawValue: "server_error")
    public static let invalidMessageType = RealtimeErrorCode(rawValue: "invalid_message_type")
    public static let notAuthenticated = RealtimeErrorCode(rawValue: "not_authenticated")
    public static let xmppError = RealtimeErrorCode(rawValue: "xmpp_error")
}
