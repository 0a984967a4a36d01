import NatterWire

/// `ack`: the server's reply to a client message that carried an `id`.
public struct RealtimeAck: Sendable, Equatable {
    /// The `id` being acknowledged (`reply_to`; the seed's table calls it `reply_id`, both are accepted).
    public var replyTo: String
    public var replyType: String
    public var response: [String: JSONValue]?
    public var error: RealtimeErrorMessage?

    public init(
        replyTo: String, replyType: String, response: [String: JSONValue]? = nil, error: RealtimeErrorMessage? = nil
    ) {
        self.replyTo = replyTo
        self.replyType = replyType
        self.response = response
        self.error = error
    }

    /// `response.jid`: the full JID assigned by a successful `auth`.
    public var jid: String? { response?["jid"]?.stringValue }

    /// `response.key`: the key assigned to a sent `chat`.
    public var key: String? { response?["key"]?.stringValue }
}
