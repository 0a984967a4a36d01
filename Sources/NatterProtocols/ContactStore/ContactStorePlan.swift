import NatterCodecs
import NatterEngine
import NatterModel

/// The EWS steps one engine command takes, by name; each is turned into a request only when it runs, so a
/// group made by an earlier step can be named by a later one. Pure.
enum ContactStoreStep: Sendable, Equatable {
    case createGroup(String)
    case addContact(JID, name: String?, group: String?)
    case addToGroup(JID, group: String)
    case removeFromGroup(JID, group: String)
    case removeContact(JID)
    case renameGroup(from: String, to: String)
    case removeGroup(String)
    case addDistribution(address: String, name: String)
    case removeDistribution(String)

    static func plan(
        _ command: AdapterCommand, in directory: ContactStoreDirectory
    ) throws(ContactStoreAdapterError) -> [ContactStoreStep] {
        switch command {
        case .roster(.add(let jid, let name, let groups)):
            return assign(jid.bare, name: name, groups: groups, in: directory, removingOthers: false)
        case .roster(.remove(let jid)):
            guard directory.personas[jid.bare] != nil else { throw .unknownContact(jid.bare.description) }
            return [.removeContact(jid.bare)]
        case .roster(.rename):
            throw .unsupported("renaming a contact is not one of the contact store's operations")
        case .groups(.assign(let jid, let groups)):
            return assign(jid.bare, name: nil, groups: groups, in: directory, removingOthers: true)
        case .groups(.rename(let from, let to)):
            guard directory.group(named: from) != nil else { throw .unknownGroup(from) }
            return [.renameGroup(from: from, to: to)]
        case .groups(.delete(let name)):
            guard let group = directory.group(named: name) else { throw .unknownGroup(name) }
            return [group.isDistribution ? .removeDistribution(name) : .removeGroup(name)]
        case .groups(.create(let name)):
            return [.createGroup(name)]
        case .groups(.addDistribution(let address, let name)):
            return [.addDistribution(address: address, name: name)]
        default:
            throw .unsupported("the contact store does not carry \(command.capability.label)")
        }
    }

    /// Puts `jid` in exactly `groups` (or at least, without `removingOthers`), making missing groups first.
    private static func assign(
        _ jid: JID, name: String?, groups: [String], in directory: ContactStoreDirectory, removingOthers: Bool
    ) -> [ContactStoreStep] {
        var steps: [ContactStoreStep] = []
        var wanted: [String] = []
        for group in groups where !wanted.contains(where: { $0.caseInsensitiveCompare(group) == .orderedSame }) {
            wanted.append(group)
            if directory.group(named: group) == nil { steps.append(.createGroup(group)) }
        }
        let current = directory.groupNames(of: jid)
        let has = { (group: String) in current.contains { $0.caseInsensitiveCompare(group) == .orderedSame } }
        var adds = wanted.filter { !has($0) }
        if directory.personas[jid] == nil {
            steps.append(.addContact(jid, name: name, group: adds.first))
            adds = Array(adds.dropFirst())
        }
        steps += adds.map { .addToGroup(jid, group: $0) }
        if removingOthers {
            for group in current
            where !wanted.contains(where: { $0.caseInsensitiveCompare(group) == .orderedSame })
                && directory.group(named: group)?.isDistribution == false
            {
                steps.append(.removeFromGroup(jid, group: group))
            }
        }
        return steps
    }

    /// The request for this step against what is known now.
    func request(in directory: ContactStoreDirectory) throws(ContactStoreAdapterError) -> ContactStoreRequest {
        func group(_ name: String) throws(ContactStoreAdapterError) -> EWSItemId {
            guard let group = directory.group(named: name) else { throw .unknownGroup(name) }
            return EWSItemId(id: group.id.id)
        }
        func persona(_ jid: JID) throws(ContactStoreAdapterError) -> EWSItemId {
            guard let id = directory.personas[jid.bare] else { throw .unknownContact(jid.description) }
            return EWSItemId(id: id.id)
        }
        // Ids go without ChangeKeys: the client's may be stale after its own edits, and Exchange checks none then.
        switch self {
        case .createGroup(let name): return .addImGroup(displayName: name)
        case .addContact(let jid, let name, let groupName):
            let groupId: EWSItemId? =
                if let groupName { try group(groupName) } else { nil }
            return .addNewImContactToGroup(imAddress: "sip:\(jid.bare)", displayName: name, groupId: groupId)
        case .addToGroup(let jid, let name):
            return .addImContactToGroup(contactId: try persona(jid), groupId: try group(name))
        case .removeFromGroup(let jid, let name):
            return .removeImContactFromGroup(contactId: try persona(jid), groupId: try group(name))
        case .removeContact(let jid): return .removeContactFromImList(contactId: try persona(jid))
        case .renameGroup(let from, let to): return .setImGroup(groupId: try group(from), newDisplayName: to)
        case .removeGroup(let name): return .removeImGroup(groupId: try group(name))
        case .addDistribution(let address, let name):
            return .addDistributionGroupToImList(smtpAddress: address, displayName: name)
        case .removeDistribution(let name): return .removeDistributionGroupFromImList(groupId: try group(name))
        }
    }
}
