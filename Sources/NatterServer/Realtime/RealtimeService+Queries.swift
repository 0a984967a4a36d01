import NatterCodecs
import NatterModel

/// Natter's extension requests: `history`, `roster`, `team_list` (docs/protocols/realtime.md).
extension RealtimeService {
    static let defaultHistoryLimit = 50
    static let maximumHistoryLimit = 200
    /// Reading forwards is how a reconnecting client catches up, so its pages are larger.
    static let defaultCatchUpLimit = 100
    static let maximumCatchUpLimit = 500

    func history(
        _ request: RealtimeHistoryRequest, session: HubSession
    ) async throws(RealtimeErrorMessage)
        -> RealtimeHistoryPage
    {
        for (name, key) in [("before", request.before), ("after", request.after)]
        where key.map({ Int64($0) == nil }) ?? false {
            throw RealtimeErrorMessage(id: request.id, code: .invalidArg, text: "'\(name)' must be a message key")
        }
        let limit =
            request.after == nil
            ? min(request.limit ?? RealtimeService.defaultHistoryLimit, RealtimeService.maximumHistoryLimit)
            : min(request.limit ?? RealtimeService.defaultCatchUpLimit, RealtimeService.maximumCatchUpLimit)
        guard request.with != nil || request.after != nil else {
            throw RealtimeErrorMessage(id: request.id, code: .invalidArg, text: "history needs 'with' or 'after'")
        }
        var destination: MessageDestination?
        if let with = request.with { destination = try await conversation(with, session: session, id: request.id) }
        do {
            let page: (messages: [StoredMessage], more: Bool)
            if let destination, let after = request.after {
                page = try await storage.history(
                    of: session.user, with: destination, afterKey: after, beforeKey: request.before, limit: limit)
            } else if let destination {
                page = try await storage.history(
                    of: session.user, with: destination, beforeKey: request.before, limit: limit)
            } else {
                page = try await storage.messages(of: session.user, afterKey: request.after, limit: limit)
            }
            return RealtimeHistoryPage(messages: page.messages.map { encoder.chat($0) }, more: page.more)
        } catch {
            throw serverError(error, id: request.id)
        }
    }

    /// The conversation a history request names; rooms only for their members.
    func conversation(
        _ address: String, session: HubSession, id: String?
    ) async throws(RealtimeErrorMessage) -> MessageDestination {
        let destination = try await call(id) { try await core.resolve(address) }
        if case .room(let room) = destination {
            let member: Bool
            do {
                member = try await storage.isMember(session.user, of: room)
            } catch {
                throw serverError(error, id: id)
            }
            guard member else {
                throw RealtimeErrorMessage(id: id, code: .invalidArg, text: "not a member of \(address)")
            }
        }
        return destination
    }

    func roster(for session: HubSession, id: String?) async throws(RealtimeErrorMessage) -> [RealtimeRosterContact] {
        do {
            return try await core.roster(of: session.user).map { entry in
                RealtimeRosterContact(
                    jid: entry.jid.description, name: entry.name, presence: entry.presence, groups: entry.groups,
                    status: entry.status)
            }
        } catch {
            throw serverError(error, id: id)
        }
    }

    func teams(for session: HubSession, id: String?) async throws(RealtimeErrorMessage) -> [RealtimeTeam] {
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
                    joined: await hub.isJoined(session.id, room: room.name)))
        }
        return teams
    }

    func serverError(_ error: any Error, id: String?) -> RealtimeErrorMessage {
        core.logger.error("realtime request failed", metadata: ["error": "\(error)"])
        return RealtimeErrorMessage(id: id, code: .serverError, text: "internal server error")
    }
}
