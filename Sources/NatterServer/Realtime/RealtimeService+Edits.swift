import NatterCodecs

/// `chat_updated` and `chat_deleted` from clients: only the author may change a message, and the change
/// reaches the same audience the original did.
extension RealtimeService {
    func editChat(_ chat: RealtimeChat, from session: Session) async throws(RealtimeErrorMessage) -> StoredMessage {
        guard let key = chat.key else {
            throw RealtimeErrorMessage(id: chat.id, code: .invalidArg, text: "missing required property 'key'")
        }
        _ = try await ownMessage(key: key, session: session, id: chat.id)
        let updated: StoredMessage?
        do {
            updated = try await storage.editMessage(key: key, text: chat.text)
        } catch {
            throw serverError(error, id: chat.id)
        }
        guard let updated else { throw unknownMessage(key, id: chat.id) }
        await deliver(.chatUpdated(wireChat(updated)), about: updated, except: session.connection)
        return updated
    }

    func deleteChat(_ ref: RealtimeChatRef, from session: Session) async throws(RealtimeErrorMessage) {
        let message = try await ownMessage(key: ref.key, session: session, id: ref.id)
        let deleted: Bool
        do {
            deleted = try await storage.deleteMessage(key: ref.key)
        } catch {
            throw serverError(error, id: ref.id)
        }
        guard deleted else { throw unknownMessage(ref.key, id: ref.id) }
        let wire = wireChat(message)
        await deliver(
            .chatDeleted(RealtimeChatRef(key: ref.key, to: wire.to, from: wire.from)), about: message,
            except: session.connection)
    }

    private func ownMessage(
        key: String, session: Session, id: String?
    ) async throws(RealtimeErrorMessage)
        -> StoredMessage
    {
        let message: StoredMessage?
        do {
            message = try await storage.message(key: key)
        } catch {
            throw serverError(error, id: id)
        }
        guard let message, !message.deleted else { throw unknownMessage(key, id: id) }
        guard message.sender.id == session.user.id else {
            throw RealtimeErrorMessage(id: id, code: .invalidArg, text: "only the author may change message \(key)")
        }
        return message
    }

    private func unknownMessage(_ key: String, id: String?) -> RealtimeErrorMessage {
        RealtimeErrorMessage(id: id, code: .invalidArg, text: "no message with key \(key)")
    }

    private func deliver(_ frame: RealtimeMessage, about message: StoredMessage, except: RealtimeConnectionID) async {
        if let room = message.roomName {
            await hub.send(frame, toRoom: room, except: except)
        } else if let recipient = message.recipientName {
            await hub.send(frame, toUsers: [recipient, message.sender.name], except: except)
        }
    }
}
