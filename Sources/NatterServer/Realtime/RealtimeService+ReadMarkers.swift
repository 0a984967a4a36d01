import NatterCodecs
import NatterModel

/// `read_marker` and `read_markers` (docs/protocols/realtime.md).
extension RealtimeService {
    /// Stores the marker if it moves forward and tells the user's other connections; answers with the marker in
    /// force, which is newer than the one sent when another client had already read further.
    func readMarker(
        _ marker: RealtimeReadMarker, session: HubSession
    ) async throws(RealtimeErrorMessage) -> RealtimeReadMarker {
        let destination = try await conversation(marker.with, session: session, id: marker.id)
        let invalidKey = RealtimeErrorMessage(
            id: marker.id, code: .invalidArg, text: "no message with key \(marker.key) in \(marker.with)")
        guard let messageID = Int64(marker.key) else { throw invalidKey }
        let message: StoredMessage?
        do {
            message = try await storage.message(key: StoredMessage.key(for: messageID))
        } catch {
            throw serverError(error, id: marker.id)
        }
        guard let message, Self.message(message, belongsTo: destination, of: session.user) else { throw invalidKey }
        let with = bareJID(destination.name).description
        do {
            let result = try await readMarkers.advance(
                session.user, conversation: with, to: messageID, now: core.clock.now())
            let current = RealtimeReadMarker(with: with, key: StoredMessage.key(for: result.messageID))
            if result.moved { readMarkers.push(current, to: session.user, except: session.id) }
            return current
        } catch {
            throw serverError(error, id: marker.id)
        }
    }

    func readMarkers(for session: HubSession, id: String?) async throws(RealtimeErrorMessage) -> [RealtimeReadMarker] {
        do {
            return try await readMarkers.markers(of: session.user)
        } catch {
            throw serverError(error, id: id)
        }
    }

    private static func message(
        _ message: StoredMessage, belongsTo destination: MessageDestination, of user: StoredUser
    )
        -> Bool
    {
        switch destination {
        case .room(let room):
            return message.roomName == room.name
        case .user(let other):
            guard message.roomName == nil else { return false }
            let parties = [message.sender.name, message.recipientName]
            return parties.contains(user.name) && parties.contains(other.name)
        }
    }
}

extension MessageDestination {
    /// The user or room name, which is the local part of its JID.
    var name: String {
        switch self {
        case .user(let user): user.name
        case .room(let room): room.name
        }
    }
}
