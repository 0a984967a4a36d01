import Foundation
import NatterCodecs
import NatterModel

/// IMGetRoster and the subscription requests.
extension RosterService {
    func getRoster(user: StoredUser, session: RosterSession) async throws -> RosterResponse {
        let contacts = try await coreCall { try await core.storage.contacts(of: user) }
        let items = contacts.map { contact in
            IMRosterItem(
                addr: encoder.address(contact.user.name), name: contact.displayName, groups: contact.groups,
                subscription: .both)
        }
        // The roster itself follows as a notification, as the seed has it.
        session.deliver([.roster(items)])
        let own = presenceBook.presences(of: user.name).first { $0.lang == nil }
        let presence = await core.hub.presence(of: user.name)
        return .getRoster(
            presence: own ?? IMPresence(show: RosterPresenceBook.show(presence)), chats: try await activeChats(of: user)
        )
    }

    func subscriptionRequest(
        _ request: RosterRequest, user: StoredUser, session: RosterSession
    ) async throws
        -> RosterResponse
    {
        throw ZimbraFault(code: .invalidRequest, reason: "\(request.kind.rawValue) is not offered yet")
    }
}
