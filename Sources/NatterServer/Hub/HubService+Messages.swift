import Foundation
import NatterCodecs
import NatterWire

/// Chats, edits and deletions: stored first, then published to the audience of the conversation.
extension HubService {
    /// A chat as a door hands it to the core.
    struct OutgoingChat: Sendable {
        var to: String
        var text: String
        var extras: [String: JSONValue]?
        /// The client's own id for the chat: a resend with the same id is recognised, not stored twice.
        var clientID: String?
    }

    /// Stores a chat and publishes it: to every session of the recipient and the sender's other sessions
    /// (carbons), or to every session joined to the room. Returns the stored message for the door's ack.
    @discardableResult
    func sendChat(_ chat: OutgoingChat, from session: HubSession) async throws(HubError) -> StoredMessage {
        let destination = try await resolve(chat.to)
        if case .room(let room) = destination { try await requireJoined(room, session: session) }
        let extras = chat.extras.map { JSONValue.object($0).serialized }
        let now = clock.now()
        let result = try await storageCall {
            try await storage.storeChat(
                from: session.user, to: destination, text: chat.text, extras: extras, clientID: chat.clientID, at: now)
        }
        // A resend whose first copy arrived: acked again, published nothing new.
        if result.duplicate { return result.message }
        let event = HubEvent.message(MessageEvent(message: result.message, extras: chat.extras))
        switch destination {
        case .user(let recipient):
            await hub.publish(event, toUsers: [recipient.name])
            if recipient.name != session.user.name {
                await hub.publish(event, toUsers: [session.user.name], except: session.id)
            }
        case .room(let room):
            await hub.publish(event, toRoom: room.name, except: session.id)
        }
        return result.message
    }

    /// Only the author may change a message; the change reaches the audience the original did.
    func editChat(key: String, text: String, from session: HubSession) async throws(HubError) -> StoredMessage {
        _ = try await ownMessage(key: key, session: session)
        guard let updated = try await storageCall({ try await storage.editMessage(key: key, text: text) }) else {
            throw HubService.unknownMessage(key)
        }
        await publish(.messageEdited(updated), about: updated, except: session.id)
        return updated
    }

    func deleteChat(key: String, from session: HubSession) async throws(HubError) {
        let message = try await ownMessage(key: key, session: session)
        guard try await storageCall({ try await storage.deleteMessage(key: key) }) else {
            throw HubService.unknownMessage(key)
        }
        await publish(.messageDeleted(message), about: message, except: session.id)
    }

    private func ownMessage(key: String, session: HubSession) async throws(HubError) -> StoredMessage {
        guard let message = try await storageCall({ try await storage.message(key: key) }), !message.deleted else {
            throw HubService.unknownMessage(key)
        }
        guard message.sender.id == session.user.id else {
            throw HubError.invalidArgument("only the author may change message \(key)")
        }
        return message
    }

    private static func unknownMessage(_ key: String) -> HubError { .invalidArgument("no message with key \(key)") }

    private func publish(_ event: HubEvent, about message: StoredMessage, except: HubSessionID) async {
        if let room = message.roomName {
            await hub.publish(event, toRoom: room, except: except)
        } else if let recipient = message.recipientName {
            await hub.publish(event, toUsers: [recipient, message.sender.name], except: except)
        }
    }
}
