import NatterCodecs
import NatterModel

/// What the client knows of the mailbox: the last `ImItemList`, indexed by the names the engine uses (group
/// names, contact JIDs), so engine commands can be turned into EWS ids. Pure.
public struct ContactStoreDirectory: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var id: EWSItemId
        public var name: String
        public var isDistribution: Bool
        public var memberIDs: [String]
    }

    public private(set) var groups: [Group] = []
    /// Persona ids by bare JID, for the personas whose address is a JID.
    public private(set) var personas: [JID: EWSItemId] = [:]
    public private(set) var contacts: [Contact] = []

    public init() {}

    public init(_ list: ImItemList, domain: String) {
        groups = list.groups.compactMap { group in
            group.exchangeStoreId.map { id in
                Group(
                    id: id, name: group.displayName, isDistribution: group.groupType == ImGroup.distributionGroupType,
                    memberIDs: group.memberCorrelationKey.map(\.id))
            }
        }
        // One pass over the memberships, so a list of thousands is not personas × members comparisons.
        var groupNames: [String: [String]] = [:]
        for group in groups {
            for member in group.memberIDs { groupNames[member, default: []].append(group.name) }
        }
        contacts.reserveCapacity(list.personas.count)
        for persona in list.personas {
            guard let jid = Self.jid(of: persona, domain: domain), personas[jid] == nil else { continue }
            personas[jid] = persona.personaId
            contacts.append(
                Contact(jid: jid, displayName: persona.displayName, groups: groupNames[persona.personaId.id] ?? []))
        }
    }

    public func group(named name: String) -> Group? {
        groups.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    public func groupNames(of jid: JID) -> [String] {
        guard let id = personas[jid.bare]?.id else { return [] }
        return groups.filter { $0.memberIDs.contains(id) }.map(\.name)
    }

    /// Records what an add answered, so a later step of the same command can name it.
    mutating func record(group: ImGroup) {
        guard let id = group.exchangeStoreId, self.group(named: group.displayName) == nil else { return }
        groups.append(
            Group(
                id: id, name: group.displayName, isDistribution: group.groupType == ImGroup.distributionGroupType,
                memberIDs: group.memberCorrelationKey.map(\.id)))
    }

    mutating func record(persona: Persona, for jid: JID) { personas[jid.bare] = persona.personaId }

    /// The JID a persona's IM address (or else its e-mail address) names; `nil` for a phone number and the like.
    static func jid(of persona: Persona, domain: String) -> JID? {
        var address = persona.imAddress ?? persona.emailAddress?.address ?? ""
        if address.lowercased().hasPrefix("sip:") { address = String(address.dropFirst(4)) }
        guard address.contains("@"), !address.contains(":") else { return nil }
        return JID(address, defaultDomain: domain)?.bare
    }
}
