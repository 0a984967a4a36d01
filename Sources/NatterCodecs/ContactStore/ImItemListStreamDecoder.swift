import Glibc
import NatterWire

/// Reads a successful GetImItems / GetImItemList response straight from libxml2's SAX2 events into an
/// `ImItemList`: no libxml2 tree, no `XMLElement` tree, names compared as bytes. It reads the same fields with the
/// same rules as the tree decoders (first occurrence wins, unknown elements ignored, the schema's non-empty and
/// well-formed-id checks); anything else (a fault, an error response, a value the rules refuse, a DOCTYPE) makes it
/// give up, and `ContactStoreEnvelope.parseItemListResponse` falls back to the tree decoders, which say what is wrong.
final class ImItemListStreamDecoder: XMLStreamHandler {
    private enum Field {
        case responseCode, messageText, groupName, groupType, groupSmtp, personaType, personaName, imAddress
        case emailName, emailAddress, emailRouting
    }

    private enum Place {
        case envelope, header, body, response, ignored, list, groups, personas, group, members, persona, emailList
        case email(inList: Bool)
        case text(Field)
    }

    private static let soap: StaticString = "http://schemas.xmlsoap.org/soap/envelope/"
    private static let m: StaticString = "http://schemas.microsoft.com/exchange/services/2006/messages"
    private static let t: StaticString = "http://schemas.microsoft.com/exchange/services/2006/types"

    private let responseName: [UInt8]
    private var stack: [Place] = []
    private var buffer: [UInt8] = []
    private var sawResponse = false
    private var responseCode: String?
    private var messageText: String?
    private var sawList = false
    private var sawGroups = false
    private var sawPersonas = false
    private var groups: [ImGroup] = []
    private var personas: [Persona] = []
    private var group = GroupFields()
    private var persona = PersonaFields()
    private var email = EmailFields()

    private struct GroupFields {
        var name: String?
        var type: String?
        var storeId: EWSItemId?
        var sawStoreId = false
        var members: [EWSItemId] = []
        var sawMembers = false
        var smtp: String?
    }

    private struct PersonaFields {
        var id: EWSItemId?
        var type: String?
        var name: String?
        var imAddress: String?
        var email: EWSEmailAddress?
        var sawEmail = false
        var emails: [EWSEmailAddress] = []
        var sawEmails = false
    }

    private struct EmailFields {
        var name: String?
        var address: String?
        var routing: String?
    }

    private init(expecting operation: ContactStoreOperation) {
        responseName = Array(operation.responseElementName.utf8) + [0]
    }

    /// The response, or nil when the document is outside what this decoder reads.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, expecting operation: ContactStoreOperation,
        reader: XMLStreamReader = XMLStreamReader()
    ) -> ContactStoreResponse? {
        let decoder = ImItemListStreamDecoder(expecting: operation)
        guard reader.parse(bytes, into: decoder), decoder.sawResponse else { return nil }
        let code = decoder.responseCode.map { $0.trimmingXMLWhitespace() } ?? EWSResponseCode.noError.rawValue
        guard !code.isEmpty else { return nil }
        return ContactStoreResponse(
            operation: operation, responseClass: .success, responseCode: EWSResponseCode(rawValue: code),
            messageText: decoder.messageText,
            payload: decoder.sawList
                ? .imItemList(ImItemList(groups: decoder.groups, personas: decoder.personas)) : .none)
    }

    func start(_ element: XMLStreamElement) -> Bool {
        let place: Place
        let t = Self.t
        switch stack.last {
        case nil:
            guard element.isNamed("Envelope", in: Self.soap) else { return false }
            place = .envelope
        case .envelope:
            if element.isNamed("Header", in: Self.soap) {
                place = .header
            } else if element.isNamed("Body", in: Self.soap) {
                place = .body
            } else {
                return false
            }
        case .header, .ignored:
            place = .ignored
        case .body:
            guard !sawResponse, let namespace = element.namespace, XMLStreamElement.equal(namespace, Self.m),
                responseName.withUnsafeBufferPointer({ memcmp(element.localName, $0.baseAddress!, $0.count) == 0 }),
                element.attribute("ResponseClass")?.trimmingXMLWhitespace() == EWSResponseClass.success.rawValue
            else { return false }
            sawResponse = true
            place = .response
        case .response:
            if element.isNamed("ResponseCode", in: Self.m) {
                place = responseCode == nil ? .text(.responseCode) : .ignored
            } else if element.isNamed("MessageText", in: Self.m) {
                place = messageText == nil ? .text(.messageText) : .ignored
            } else if element.isNamed("ImItemList", in: Self.m) {
                place = sawList ? .ignored : .list
                sawList = true
            } else {
                place = .ignored
            }
        case .list:
            if element.isNamed("Groups", in: t) {
                place = sawGroups ? .ignored : .groups
                sawGroups = true
            } else if element.isNamed("Personas", in: t) {
                place = sawPersonas ? .ignored : .personas
                sawPersonas = true
            } else {
                place = .ignored
            }
        case .groups:
            guard element.isNamed("ImGroup", in: t) else { return push(.ignored) }
            group = GroupFields()
            place = .group
        case .personas:
            guard element.isNamed("Persona", in: t) else { return push(.ignored) }
            persona = PersonaFields()
            place = .persona
        case .group:
            return startInGroup(element)
        case .members:
            guard element.isNamed("ItemId", in: t), let id = Self.itemId(element) else { return false }
            group.members.append(id)
            place = .ignored
        case .persona:
            return startInPersona(element)
        case .emailList:
            guard element.isNamed("Address", in: t) else { return push(.ignored) }
            email = EmailFields()
            place = .email(inList: true)
        case .email:
            if element.isNamed("Name", in: t) {
                place = email.name == nil ? .text(.emailName) : .ignored
            } else if element.isNamed("EmailAddress", in: t) {
                place = email.address == nil ? .text(.emailAddress) : .ignored
            } else if element.isNamed("RoutingType", in: t) {
                place = email.routing == nil ? .text(.emailRouting) : .ignored
            } else {
                place = .ignored
            }
        case .text:
            // Mixed content is not a field value this decoder knows how to read.
            return false
        }
        return push(place)
    }

    private func push(_ place: Place) -> Bool {
        if case .text = place { buffer.removeAll(keepingCapacity: true) }
        stack.append(place)
        return true
    }

    private func startInGroup(_ element: XMLStreamElement) -> Bool {
        let t = Self.t
        if element.isNamed("DisplayName", in: t) { return push(group.name == nil ? .text(.groupName) : .ignored) }
        if element.isNamed("GroupType", in: t) { return push(group.type == nil ? .text(.groupType) : .ignored) }
        if element.isNamed("SmtpAddress", in: t) { return push(group.smtp == nil ? .text(.groupSmtp) : .ignored) }
        if element.isNamed("ExchangeStoreId", in: t), !group.sawStoreId {
            group.sawStoreId = true
            guard let id = Self.itemId(element) else { return false }
            group.storeId = id
            return push(.ignored)
        }
        if element.isNamed("MemberCorrelationKey", in: t), !group.sawMembers {
            group.sawMembers = true
            return push(.members)
        }
        return push(.ignored)
    }

    private func startInPersona(_ element: XMLStreamElement) -> Bool {
        let t = Self.t
        if element.isNamed("PersonaId", in: t) {
            guard persona.id == nil else { return push(.ignored) }
            guard let id = Self.itemId(element) else { return false }
            persona.id = id
            return push(.ignored)
        }
        if element.isNamed("PersonaType", in: t) { return push(persona.type == nil ? .text(.personaType) : .ignored) }
        if element.isNamed("DisplayName", in: t) { return push(persona.name == nil ? .text(.personaName) : .ignored) }
        if element.isNamed("ImAddress", in: t) {
            return push(persona.imAddress == nil ? .text(.imAddress) : .ignored)
        }
        if element.isNamed("EmailAddress", in: t), !persona.sawEmail {
            persona.sawEmail = true
            email = EmailFields()
            return push(.email(inList: false))
        }
        if element.isNamed("EmailAddresses", in: t), !persona.sawEmails {
            persona.sawEmails = true
            return push(.emailList)
        }
        return push(.ignored)
    }

    func end() -> Bool {
        guard let place = stack.popLast() else { return false }
        switch place {
        case .text(let field):
            let value = String(decoding: buffer, as: UTF8.self)
            switch field {
            case .responseCode: responseCode = value
            case .messageText: messageText = value
            case .groupName: group.name = value
            case .groupType: group.type = value
            case .groupSmtp: group.smtp = value
            case .personaType: persona.type = value
            case .personaName: persona.name = value
            case .imAddress: persona.imAddress = value
            case .emailName: email.name = value
            case .emailAddress: email.address = value
            case .emailRouting: email.routing = value
            }
        case .group:
            guard let name = group.name, !name.isEmpty, let type = group.type, !type.isEmpty,
                !group.sawMembers || !group.members.isEmpty
            else { return false }
            groups.append(
                ImGroup(
                    displayName: name, groupType: type, exchangeStoreId: group.storeId,
                    memberCorrelationKey: group.members, smtpAddress: group.smtp))
        case .persona:
            guard let id = persona.id else { return false }
            personas.append(
                Persona(
                    personaId: id, personaType: persona.type, displayName: persona.name, emailAddress: persona.email,
                    emailAddresses: persona.emails, imAddress: persona.imAddress))
        case .email(let inList):
            // `t:NonEmptyStringType`: absent is fine, empty is not.
            guard email.address?.isEmpty != true, email.routing?.isEmpty != true else { return false }
            let address = EWSEmailAddress(name: email.name, address: email.address, routingType: email.routing)
            if inList { persona.emails.append(address) } else { persona.email = address }
        default:
            break
        }
        return true
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard case .text = stack.last else { return }
        buffer.append(contentsOf: bytes)
    }

    private static func itemId(_ element: XMLStreamElement) -> EWSItemId? {
        guard let id = element.attribute("Id") else { return nil }
        let itemId = EWSItemId(id: id, changeKey: element.attribute("ChangeKey"))
        return itemId.isWellFormed ? itemId : nil
    }
}

extension ContactStoreEnvelope {
    /// Reads a response to `expected`; a GetImItems or GetImItemList success is streamed straight into the model
    /// (`ImItemListStreamDecoder`), everything else, and anything that decoder gives up on, goes through
    /// `parseResponse`, whose errors say what is wrong.
    public static func parseItemListResponse(
        _ bytes: [UInt8], expecting expected: ContactStoreOperation
    ) throws -> ContactStoreResponse {
        if expected.payloadKind == .imItemList,
            let response = bytes.withUnsafeBufferPointer({ ImItemListStreamDecoder.decode($0, expecting: expected) })
        {
            return response
        }
        return try parseResponse(bytes, expecting: expected).response
    }
}
