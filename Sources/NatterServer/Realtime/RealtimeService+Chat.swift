import Foundation
import NatterModel
import NatterCodecs
import NatterWire

extension RealtimeService {
    /// Stores a chat and delivers it: to every session of the recipient and the sender's other sessions
    /// (carbons), or to every session joined to the room. Returns the stored message for the ack.
    @discardableResult
    func sendChat(_ chat: RealtimeChat, from session: Session) async throws(RealtimeErrorMessage) -> StoredMessage {
        let destination = try await resolve(chat.to, id: chat.id)
        if case .room(let room) = destination {
            try await requireJoined(room, session: session, id: chat.id)
        }
        let extras = chat.extras.map { JSONValue.object($0).serialized }
        let stored: StoredMessage
        do {
            let result = try await storage.storeChat(
                from: session.user, to: destination, text: chat.text, extras: extras, clientID: chat.id)
            // A resend whose first copy arrived: ack it again, deliver nothing new.
            if result.duplicate { return result.message }
            stored = result.message
        } catch {
            throw serverError(error, id: chat.id)
        }
        let outgoing = RealtimeMessage.chat(wireChat(stored, extras: chat.extras))
        switch destination {
        case .user(let recipient):
            await hub.send(outgoing, toUsers: [recipient.name])
            if recipient.name != session.user.name {
                await hub.send(outgoing, toUsers: [session.user.name], except: session.connection)
            }
        case .room(let room):
            await hub.send(outgoing, toRoom: room.name, except: session.connection)
        }
        return stored
    }

    func wireChat(_ stored: StoredMessage, extras: [String: JSONValue]? = nil) -> RealtimeChat {
        let to = stored.roomName ?? stored.recipientName ?? ""
        var extras = extras
        if extras == nil, let text = stored.extras,
            let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        {
            extras = value.objectValue
        }
        return RealtimeChat(
            to: bareJID(to).description, from: bareJID(stored.sender.name).description, text: stored.text,
            key: stored.key, extras: extras, displayName: stored.sender.displayName,
            received: RealtimeRoutingTable.timestamp(stored.createdAt))
    }
}
