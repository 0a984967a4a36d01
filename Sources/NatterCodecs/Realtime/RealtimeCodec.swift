import Foundation
import NatterModel
import NatterWire

/// Pure translation between Realtime frames (JSON text) and `RealtimeMessage` values; no I/O.
public enum RealtimeCodec {
    public static func decode(_ text: String) throws(RealtimeCodecError) -> RealtimeMessage {
        try decode(Data(text.utf8))
    }

    public static func decode(_ bytes: [UInt8]) throws(RealtimeCodecError) -> RealtimeMessage {
        try decode(Data(bytes))
    }

    public static func decode(_ data: Data) throws(RealtimeCodecError) -> RealtimeMessage {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .malformedJSON
        }
        guard case .object(let object) = value else { throw .notAnObject }
        let fields = try Fields(object)
        guard let typeValue = object["type"] else { throw .missingType(id: fields.id) }
        guard case .string(let type) = typeValue else { throw .invalidField("type", id: fields.id) }
        return try decode(type: type, fields)
    }

    private static func decode(type: String, _ fields: Fields) throws(RealtimeCodecError) -> RealtimeMessage {
        switch type {
        case "auth":
            return .auth(
                RealtimeAuth(
                    id: fields.id, authorization: try fields.string("authorization"),
                    agent: try fields.optionalString("agent"), resource: try fields.optionalString("resource")))
        // The seed's ack example sends `"type":"message"`; it means a chat.
        case "chat", "message": return .chat(try chat(fields))
        case "chat_updated": return .chatUpdated(try chat(fields))
        case "chat_deleted":
            return .chatDeleted(
                RealtimeChatRef(
                    id: fields.id, key: try fields.string("key"), to: try fields.optionalString("to"),
                    from: try fields.optionalString("from")))
        case "presence_change":
            guard let presence = Presence(rawValue: try fields.string("presence")) else {
                throw .invalidField("presence", id: fields.id)
            }
            return .presenceChange(
                RealtimePresence(
                    id: fields.id, from: try fields.optionalString("from"), to: try fields.optionalString("to"),
                    presence: presence, received: try fields.optionalString("received"),
                    status: try fields.optionalString("status")))
        case "user_typing":
            var state = RealtimeTyping.State.composing
            if let raw = try fields.optionalString("state") {
                guard let parsed = RealtimeTyping.State(rawValue: raw) else {
                    throw .invalidField("state", id: fields.id)
                }
                state = parsed
            }
            return .userTyping(
                RealtimeTyping(
                    id: fields.id, from: try fields.optionalString("from"), to: try fields.string("to"), state: state))
        case "team_join": return .teamJoin(RealtimeRoomRequest(id: fields.id, to: try fields.string("to")))
        case "team_leave": return .teamLeave(RealtimeRoomRequest(id: fields.id, to: try fields.string("to")))
        case "ping": return .ping(id: fields.id)
        case "ack": return .ack(try ack(fields))
        case "error": return .error(try error(fields))
        case "history":
            let limit = try fields.optionalInt("limit")
            if let limit, limit < 1 { throw .invalidField("limit", id: fields.id) }
            let with = try fields.optionalString("with")
            let after = try fields.optionalString("after")
            // Without a conversation the request only makes sense as a catch-up from a known key.
            if with == nil, after == nil { throw .missingField("with", id: fields.id) }
            return .history(
                RealtimeHistoryRequest(
                    id: fields.id, with: with, before: try fields.optionalString("before"), after: after,
                    limit: limit))
        case "roster": return .roster(id: fields.id)
        case "team_list": return .teamList(id: fields.id)
        case "roster_update": return .rosterUpdate(try rosterContacts(from: fields.object))
        case "read_marker":
            let key = try fields.string("key")
            guard !key.isEmpty, key.allSatisfy(\.isASCII), key.allSatisfy(\.isNumber) else {
                throw .invalidField("key", id: fields.id)
            }
            return .readMarker(RealtimeReadMarker(id: fields.id, with: try fields.string("with"), key: key))
        case "read_markers": return .readMarkers(id: fields.id)
        default: throw .unknownType(type, id: fields.id)
        }
    }

    static func chat(_ fields: Fields) throws(RealtimeCodecError) -> RealtimeChat {
        let createSource = try fields.optionalObject("createSource")
        var displayName: String?
        if let name = createSource?["displayName"] {
            guard case .string(let text) = name else { throw .invalidField("createSource", id: fields.id) }
            displayName = text
        }
        return RealtimeChat(
            id: fields.id, to: try fields.string("to"), from: try fields.optionalString("from"),
            text: try fields.string("text"), key: try fields.optionalString("key"),
            extras: try fields.optionalObject("extras"), displayName: displayName,
            received: try fields.optionalString("received"))
    }

    private static func ack(_ fields: Fields) throws(RealtimeCodecError) -> RealtimeAck {
        var replyTo = try fields.optionalID("reply_to")
        if replyTo == nil { replyTo = try fields.optionalID("reply_id") }
        guard let replyTo else { throw .missingField("reply_to", id: fields.id) }
        var failure: RealtimeErrorMessage?
        if let object = try fields.optionalObject("error") {
            failure = try error(Fields(object))
        }
        return RealtimeAck(
            replyTo: replyTo, replyType: try fields.string("reply_type"),
            response: try fields.optionalObject("response"), error: failure)
    }

    private static func error(_ fields: Fields) throws(RealtimeCodecError) -> RealtimeErrorMessage {
        RealtimeErrorMessage(
            id: fields.id, code: RealtimeErrorCode(rawValue: try fields.string("code")),
            text: try fields.optionalString("text") ?? "", data: fields.object["data"])
    }
}
