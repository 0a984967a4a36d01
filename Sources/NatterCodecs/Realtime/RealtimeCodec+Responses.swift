import NatterModel
import NatterWire

/// Builders and readers for the `response` objects of Natter's extension requests.
extension RealtimeCodec {
    public static func response(_ page: RealtimeHistoryPage) -> [String: JSONValue] {
        ["messages": .array(page.messages.map(jsonValue)), "more": .bool(page.more)]
    }

    public static func historyPage(
        from response: [String: JSONValue]?
    ) throws(RealtimeCodecError) -> RealtimeHistoryPage {
        guard let items = response?["messages"]?.arrayValue else { throw .missingField("messages", id: nil) }
        var messages: [RealtimeChat] = []
        for item in items {
            guard let object = item.objectValue else { throw .invalidField("messages", id: nil) }
            messages.append(try chat(Fields(object)))
        }
        return RealtimeHistoryPage(messages: messages, more: response?["more"]?.boolValue ?? false)
    }

    public static func response(_ contacts: [RealtimeRosterContact]) -> [String: JSONValue] {
        let items: [JSONValue] = contacts.map { contact in
            var object: [String: JSONValue] = [
                "jid": .string(contact.jid), "name": .string(contact.name),
                "presence": .string(contact.presence.rawValue), "groups": .array(contact.groups.map(JSONValue.string)),
            ]
            if let status = contact.status { object["status"] = .string(status) }
            return .object(object)
        }
        return ["contacts": .array(items)]
    }

    public static func rosterContacts(
        from response: [String: JSONValue]?
    ) throws(RealtimeCodecError) -> [RealtimeRosterContact] {
        guard let items = response?["contacts"]?.arrayValue else { throw .missingField("contacts", id: nil) }
        var contacts: [RealtimeRosterContact] = []
        for item in items {
            guard let fields = item.objectValue.flatMap({ try? Fields($0) }) else {
                throw .invalidField("contacts", id: nil)
            }
            let jid = try fields.string("jid")
            let presence = try fields.optionalString("presence").flatMap(Presence.init(rawValue:)) ?? .unavailable
            let groups = fields.object["groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
            contacts.append(
                RealtimeRosterContact(
                    jid: jid, name: try fields.optionalString("name") ?? jid, presence: presence, groups: groups,
                    status: try fields.optionalString("status")))
        }
        return contacts
    }

    public static func response(_ teams: [RealtimeTeam]) -> [String: JSONValue] {
        let items: [JSONValue] = teams.map { team in
            .object(["jid": .string(team.jid), "name": .string(team.name), "joined": .bool(team.joined)])
        }
        return ["teams": .array(items)]
    }

    public static func teams(from response: [String: JSONValue]?) throws(RealtimeCodecError) -> [RealtimeTeam] {
        guard let items = response?["teams"]?.arrayValue else { throw .missingField("teams", id: nil) }
        var teams: [RealtimeTeam] = []
        for item in items {
            guard let fields = item.objectValue.flatMap({ try? Fields($0) }) else {
                throw .invalidField("teams", id: nil)
            }
            let jid = try fields.string("jid")
            teams.append(
                RealtimeTeam(
                    jid: jid, name: try fields.optionalString("name") ?? jid,
                    joined: fields.object["joined"]?.boolValue ?? false))
        }
        return teams
    }
}
