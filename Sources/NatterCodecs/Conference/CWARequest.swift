import NatterWire

/// One request inside `<cwaRequests>`.
public enum CWARequest: Sendable, Hashable {
    /// Sign-in; the only request sent without the CWA namespace, and without a `sid`.
    case logon(rid: String?, user: String, password: String)
    /// Opens the event session; answered by `requestAccepted` with the `sid` and `PollWaitTime`.
    case initiateSession(rid: String)
    case conference(CWAConferenceRequest)

    public var rid: String? {
        switch self {
        case .logon(let rid, _, _): rid
        case .initiateSession(let rid): rid
        case .conference(let request): request.rid
        }
    }

    func element(_ namespaced: Bool) -> XMLElement {
        switch self {
        case .logon(let rid, let user, let password):
            var logon = cwaElement("logon", namespaced) {
                cwaElement("user", namespaced, text: user)
                cwaElement("password", namespaced, text: password)
            }
            if let rid { logon.attributes.insert(XMLAttribute("rid", value: rid), at: 0) }
            return logon
        case .initiateSession(let rid):
            return cwaElement("initiateSession", namespaced, attributes: ["rid": rid])
        case .conference(let request):
            return request.element(namespaced)
        }
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        let rid = element.attribute("rid")
        do throws(CWACodecError) {
            guard element.isCWA else { throw CWACodecError.unknownElement(element, path: path) }
            switch element.name {
            case "logon":
                let here = path + "/logon"
                // A password may legitimately be anything, so only its presence is required.
                self = .logon(
                    rid: rid, user: try element.requiredCWAText("user", path: here),
                    password: try element.requiredCWAChild("password", path: here).text)
            case "initiateSession":
                self = .initiateSession(rid: try element.requiredAttribute("rid", path: path + "/initiateSession"))
            case "conference":
                self = .conference(try CWAConferenceRequest(parsing: element, path: path + "/conference"))
            default:
                throw CWACodecError.unknownElement(element, path: path)
            }
        } catch {
            throw error.within(rid: rid)
        }
    }
}
