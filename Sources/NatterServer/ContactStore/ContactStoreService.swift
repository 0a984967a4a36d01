import Logging
import NatterCodecs

/// Runs the contact store's 12 operations on the core's buddy list for one authenticated user. Every edit
/// is pushed to the user's sessions on every door at once (`HubService.buddyListChanged`).
struct ContactStoreService: Sendable {
    let core: HubService
    let items: ContactStoreItems

    init(core: HubService) {
        self.core = core
        items = ContactStoreItems(domain: core.domain)
    }

    var storage: any CoreStore { core.storage }

    /// The operation's response: success with its payload, or `ResponseClass="Error"` with the code
    /// Exchange gives for the refusal. Never throws: a storage failure is `ErrorInternalServerError`.
    func respond(to request: ContactStoreRequest, as user: StoredUser) async -> ContactStoreResponse {
        let operation = request.operation
        do {
            let (payload, changed) = try await perform(request, as: user)
            if changed { await core.buddyListChanged(of: user) }
            return .success(operation, payload: payload)
        } catch let error as BuddyListError {
            return .error(operation, code: ContactStoreItems.responseCode(for: error), messageText: error.description)
        } catch {
            core.logger.error("contact store operation failed", metadata: ["error": "\(error)"])
            return .error(operation, code: .errorInternalServerError, messageText: "internal server error")
        }
    }

    private func perform(
        _ request: ContactStoreRequest, as user: StoredUser
    ) async throws -> (ContactStoreResponse.Payload, changed: Bool) {
        let ref = ContactStoreItems.reference
        switch request {
        case .addDistributionGroupToImList(let smtpAddress, let displayName):
            guard let name = items.distributionGroupName(in: smtpAddress) else {
                throw BuddyListError.unknownDistributionGroup(smtpAddress)
            }
            let group = try await storage.addDistributionGroup(owner: user, name: name, displayName: displayName)
            return (.imGroup(items.group(group)), true)
        case .addImContactToGroup(let contactId, let groupId):
            try await storage.addContactToGroup(owner: user, ref(contactId), group: groupId.map(ref))
            return (.none, true)
        case .addImGroup(let displayName):
            return (.imGroup(items.group(try await storage.addGroup(owner: user, displayName: displayName))), true)
        case .addNewImContactToGroup(let imAddress, let displayName, let groupId):
            let (contact, added) = try await storage.addContact(
                owner: user, address: try await address(imAddress), nickname: displayName, group: groupId.map(ref),
                limit: Storage.contactLimit)
            return (.persona(items.persona(contact)), added)
        case .getImItemList:
            let list = try await storage.buddyList(of: user)
            return (.imItemList(items.itemList(list.groups, list.contacts)), false)
        case .getImItems(let contactIds, let groupIds):
            let list = try await storage.buddyList(of: user)
            let contacts = try contactIds.map { id in
                guard let contact = list.contact(id: id.id) else { throw BuddyListError.contactNotFound(id.id) }
                return contact
            }
            let groups = try groupIds.map { id in
                guard let group = list.group(id: id.id) else { throw BuddyListError.groupNotFound(id.id) }
                return group
            }
            return (.imItemList(items.itemList(groups, contacts)), false)
        case .removeContactFromImList(let contactId):
            try await storage.removeContact(owner: user, ref(contactId))
            return (.none, true)
        case .removeDistributionGroupFromImList(let groupId):
            try await storage.removeDistributionGroup(owner: user, ref(groupId))
            return (.none, true)
        case .removeImContactFromGroup(let contactId, let groupId):
            try await storage.removeContactFromGroup(owner: user, ref(contactId), group: ref(groupId))
            return (.none, true)
        case .removeImGroup(let groupId):
            try await storage.removeGroup(owner: user, ref(groupId))
            return (.none, true)
        case .setImGroup(let groupId, let newDisplayName):
            _ = try await storage.renameGroup(owner: user, ref(groupId), to: newDisplayName)
            return (.none, true)
        case .setImListMigrationCompleted(let completed):
            try await storage.setMigrationCompleted(owner: user, completed)
            return (.none, false)
        }
    }

    /// A user of this server when the address names one that exists; anything else is kept as given.
    private func address(_ imAddress: String) async throws -> BuddyAddress {
        if let name = items.userName(in: imAddress), try await storage.user(named: name) != nil {
            return .user(name)
        }
        return .foreign(imAddress)
    }
}
