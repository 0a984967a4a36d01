import NatterWire

/// A `<cwaEvents sid ackId pollWaitTime>` document: one answer to the event long poll.
///
/// `ackId` numbers the batch; the client sends it back as `AckId` so the server drops what was delivered and
/// resends the rest.
public struct CWAEvents: Sendable, Hashable {
    public var sid: String
    public var ackId: Int
    public var pollWaitTime: Int?
    public var events: [CWAConferenceEvent]

    public init(sid: String, ackId: Int, pollWaitTime: Int? = nil, events: [CWAConferenceEvent]) {
        self.sid = sid
        self.ackId = ackId
        self.pollWaitTime = pollWaitTime
        self.events = events
    }

    /// Each event in its own `<conference confId>`, in order.
    public func element(namespaced: Bool = true) -> XMLElement {
        var root = cwaElement("cwaEvents", namespaced) {
            for event in events { event.element(namespaced) }
        }
        root.attributes = [XMLAttribute("sid", value: sid), XMLAttribute("ackId", value: String(ackId))]
        if let pollWaitTime { root.attributes.append(XMLAttribute("pollWaitTime", value: String(pollWaitTime))) }
        return root
    }

    public func serialized() throws -> [UInt8] {
        try XMLWriter(includesDeclaration: true, invalidCharacters: .replace).serialize(element())
    }

    /// Reads an events document; a `<conference>` holding several events yields them all, in order.
    public init(parsing root: XMLElement) throws(CWACodecError) {
        guard root.name == "cwaEvents", root.isCWA else { throw .unexpectedRoot(root, expected: "cwaEvents") }
        sid = try root.requiredAttribute("sid", path: "cwaEvents")
        guard let ackId = try root.optionalIntAttribute("ackId", path: "cwaEvents") else {
            throw .missingAttribute("cwaEvents/@ackId")
        }
        self.ackId = ackId
        pollWaitTime = try root.optionalIntAttribute("pollWaitTime", path: "cwaEvents")
        var events: [CWAConferenceEvent] = []
        for conference in root.elements {
            guard conference.name == "conference", conference.isCWA else {
                throw .unknownElement(conference, path: "cwaEvents")
            }
            let path = "cwaEvents/conference"
            let confId = try conference.requiredAttribute("confId", path: path)
            for event in conference.elements {
                events.append(CWAConferenceEvent(confId: confId, kind: try .init(parsing: event, path: path)))
            }
        }
        self.events = events
    }

    public init(bytes: some Collection<UInt8>, reader: XMLDocumentReader = XMLDocumentReader()) throws(CWACodecError) {
        try self.init(parsing: try CWADocument.parse(bytes, reader: reader))
    }
}
