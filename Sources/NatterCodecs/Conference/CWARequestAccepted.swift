import NatterWire

/// `<requestAccepted rid>`: for `initiateSession` it carries the `sid`, the signed-in `uri` and `PollWaitTime`;
/// for `initiateImSession` it wraps `initiateImSessionAccepted` with the new `confId`.
public struct CWARequestAccepted: Sendable, Hashable {
    public var rid: String
    public var sid: String?
    public var uri: String?
    /// Milliseconds the client should wait between event polls.
    public var pollWaitTime: Int?
    public var imSessionAccepted: CWAImSessionAccepted?

    public init(
        rid: String, sid: String? = nil, uri: String? = nil, pollWaitTime: Int? = nil,
        imSessionAccepted: CWAImSessionAccepted? = nil
    ) {
        self.rid = rid
        self.sid = sid
        self.uri = uri
        self.pollWaitTime = pollWaitTime
        self.imSessionAccepted = imSessionAccepted
    }

    func element(_ namespaced: Bool) -> XMLElement {
        cwaElement("requestAccepted", namespaced, attributes: ["rid": rid]) {
            if let sid { cwaElement("sid", namespaced, text: sid) }
            if let uri { cwaElement("uri", namespaced, text: uri) }
            if let pollWaitTime { cwaElement("PollWaitTime", namespaced, text: String(pollWaitTime)) }
            if let imSessionAccepted {
                cwaElement(
                    "initiateImSessionAccepted", namespaced,
                    attributes: ["rid": imSessionAccepted.rid, "confId": imSessionAccepted.confId])
            }
        }
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        rid = try element.requiredAttribute("rid", path: path)
        sid = element.optionalCWAText("sid")
        uri = element.optionalCWAText("uri")
        // The seed writes `PollWaitTime`, the dialect notes `pollWaitTime`; accept both.
        if let raw = element.optionalCWAText("PollWaitTime") ?? element.optionalCWAText("pollWaitTime") {
            guard let value = Int(raw), value >= 0 else { throw .invalidValue(path + "/PollWaitTime", value: raw) }
            pollWaitTime = value
        }
        if let accepted = element.cwaChild("initiateImSessionAccepted") {
            let here = path + "/initiateImSessionAccepted"
            imSessionAccepted = CWAImSessionAccepted(
                rid: try accepted.requiredAttribute("rid", path: here),
                confId: try accepted.requiredAttribute("confId", path: here))
        }
    }
}
