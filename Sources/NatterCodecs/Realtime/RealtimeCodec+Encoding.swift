import NatterWire

extension RealtimeCodec {
    /// Compact JSON with `type` first and a fixed property order after it; absent optionals are omitted.
    public static func encode(_ message: RealtimeMessage) -> String {
        var output = ""
        JSONValue.writeObject(members(of: message).compactMap { $0 }, to: &output)
        return output
    }

    private typealias Member = (key: String, value: JSONValue)?

    private static func members(of message: RealtimeMessage) -> [Member] {
        let head: [Member] = [("type", .string(message.type))]
        switch message {
        case .auth(let auth):
            return head + [
                string("id", auth.id), string("authorization", auth.authorization), string("agent", auth.agent),
                string("resource", auth.resource),
            ]
        case .chat(let chat), .chatUpdated(let chat):
            return head + chatMembers(chat)
        case .chatDeleted(let ref):
            return head + [
                string("id", ref.id), string("key", ref.key), string("from", ref.from), string("to", ref.to),
            ]
        case .presenceChange(let presence):
            return head + [
                string("id", presence.id), string("from", presence.from), string("to", presence.to),
                string("presence", presence.presence.rawValue), string("received", presence.received),
                string("status", presence.status),
            ]
        case .userTyping(let typing):
            return head + [
                string("id", typing.id), string("from", typing.from), string("to", typing.to),
                string("state", typing.state.rawValue),
            ]
        case .teamJoin(let request), .teamLeave(let request):
            return head + [string("id", request.id), string("to", request.to)]
        case .readMarker(let marker):
            return head + [string("id", marker.id), string("with", marker.with), string("key", marker.key)]
        case .ping(let id), .roster(let id), .teamList(let id), .readMarkers(let id):
            return head + [string("id", id)]
        case .rosterUpdate(let contacts):
            return head + [("contacts", response(contacts)["contacts"]!)]
        case .ack(let ack):
            return head + [
                string("reply_to", ack.replyTo), string("reply_type", ack.replyType),
                ack.response.map { ("response", .object($0)) }, ack.error.map { ("error", errorObject($0)) },
            ]
        case .error(let error):
            return head + [
                string("id", error.id), string("code", error.code.rawValue), string("text", error.text),
                error.data.map { ("data", $0) },
            ]
        case .history(let request):
            return head + [
                string("id", request.id), string("with", request.with), string("before", request.before),
                string("after", request.after),
                request.limit.map { ("limit", .integer($0)) },
            ]
        }
    }

    private static func chatMembers(_ chat: RealtimeChat) -> [Member] {
        [
            string("id", chat.id), string("key", chat.key), string("from", chat.from), string("to", chat.to),
            string("text", chat.text), string("received", chat.received),
            chat.displayName.map { ("createSource", .object(["displayName": .string($0)])) },
            chat.extras.map { ("extras", .object($0)) },
        ]
    }

    private static func string(_ key: String, _ value: String?) -> Member {
        value.map { (key, .string($0)) }
    }

    private static func errorObject(_ error: RealtimeErrorMessage) -> JSONValue {
        var object: [String: JSONValue] = ["code": .string(error.code.rawValue), "text": .string(error.text)]
        object["data"] = error.data
        return .object(object)
    }

    /// A chat as a JSON object, for embedding in a history page.
    static func jsonValue(_ chat: RealtimeChat) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for case (let key, let value)? in chatMembers(chat) { object[key] = value }
        return .object(object)
    }
}
