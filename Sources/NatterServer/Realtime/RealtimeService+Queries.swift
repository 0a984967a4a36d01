import NatterModel
import NatterProtocols

/// Natter's extension requests: `history`, `roster`, `team_list` (docs/protocols/realtime.md).
extension RealtimeService {
    static let defaultHistoryLimit = 50
    static let maximumHistoryLimit = 200

    func history(
        _ request: RealtimeHistoryRequest, session: Session
    ) async throws(RealtimeErrorMessage)
        -> RealtimeHistoryPage
    {
        guard let with = request.with else {
            throw RealtimeErrorMessage(id: request.id, code: .invalidArg, text: "history needs 'with'")
        }
        let destination = try await resolve(with, id: request.id)
        if case .room(let room) = destination {
            let member: Bool
            do {
                member = try await storage.isMember(session.user, of: room)
            } catch {
                throw serverError(error, id: request.id)
            }
            guard member else {
                throw RealtimeErrorMessage(id: request.id, code: .invalidArg, text: "not a member of \(request.with)")
            }
        }
        if let before = request.before, Int64(before) == nil {
            throw RealtimeErrorMessage(id: request.id, code: .invalidArg, text: "'before' must be a message key")
        }
        let limit = min(request.limit ?? RealtimeService.defaultHistoryLimit, RealtimeService.maximumHistoryLimit)
        do {
            let page = try await storage.history(
                of: session.user, with: destination, beforeKey: request.before, limit: limit)
            return RealtimeHistoryPage(messages: page.messages.map { wireChat($0) }, more: page.more)
        } catch {
            throw serverError(error, id: request.id)
        }
    }

    func roster(for session: Session, id: String?) async throws(RealtimeErrorMessage) -> [RealtimeRosterContact] {
        let contacts: [StoredContact]
        do {
            contacts = try await storage.contacts(of: session.user)
        } catch {
            throw serverError(error, id: id)
        }
        var entries: [RealtimeRosterContact] = []
        for contact in contacts {
            entries.append(
                RealtimeRosterContact(
                    jid: bareJID(contact.user.name).description, name: contact.displayName,
                    presence: await hub.presence(of: contact.user.name), groups: contact.groups))
        }
        return entries
    }

    func teams(for session: Session, id: String?) async throws(RealtimeErrorMessage) -> [RealtimeTeam] {
        let rooms: [StoredRoom]
        do {
            rooms = try await storage.rooms(of: session.user, kind: .team)
        } catch {
            throw serverError(error, id: id)
        }
        var teams: [RealtimeTeam] = []
        for room in rooms {
            teams.append(
                RealtimeTeam(
                    jid: bareJID(room.name).description, name: room.displayName,
                    joined: await hub.isJoined(session.connection, room: room.name)))
        }
        return teams
    }
}
