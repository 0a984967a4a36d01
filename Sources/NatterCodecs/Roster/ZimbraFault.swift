import NatterWire

/// A Zimbra fault: a SOAP 1.2 fault whose Zimbra code is in `soap:Detail/Error/Code`, as real Zimbra writes it:
///
/// ```xml
/// <soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>
///   <soap:Reason><soap:Text>no valid authtoken present</soap:Text></soap:Reason>
///   <soap:Detail><Error xmlns="urn:zimbra"><Code>service.AUTH_REQUIRED</Code></Error></soap:Detail></soap:Fault>
/// ```
///
/// Thrown by ``RosterEnvelope/parseResponse(_:expecting:reader:)`` with the context of the envelope that carried
/// it, so notifications sent along with a fault are not lost.
public struct ZimbraFault: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: ZimbraErrorCode
    public var reason: String
    /// The context header of the fault's envelope.
    public var context: ZimbraResponseContext?

    public init(code: ZimbraErrorCode, reason: String, context: ZimbraResponseContext? = nil) {
        self.code = code
        self.reason = reason
        self.context = context
    }

    /// The fault natterd answers a request it could not read at all with (malformed or oversized XML, no
    /// envelope): `service.PARSE_ERROR`, never a crash or a dropped connection.
    public static func unreadableRequest(_ error: any Error) -> ZimbraFault {
        if let codec = error as? RosterCodecError { return codec.zimbraFault }
        return ZimbraFault(code: .parseError, reason: "unable to parse request: \(error)")
    }

    public var soapFault: SOAPFault {
        SOAPFault(
            version: .soap12, code: code.isSenderFault ? .sender : .receiver, reason: reason,
            detail: XMLElement("Detail") {
                ZimbraNamespace.zimbra("Error") { ZimbraNamespace.zimbra("Code", text: code.rawValue) }
            })
    }

    /// Reads a SOAP fault; the code falls back to `service.FAILURE` for a fault without a Zimbra detail (a proxy
    /// in between, say).
    public init(_ fault: SOAPFault) throws {
        let code = fault.detail?.firstDescendant(named: "Error")?.rosterChild("Code")?.text.trimmingXMLWhitespace()
        self.init(
            code: ZimbraErrorCode(rawValue: code.flatMap { $0.isEmpty ? nil : $0 } ?? ZimbraErrorCode.failure.rawValue),
            reason: fault.reason, context: try ZimbraResponseContext(parsing: fault.headers))
    }

    public var description: String { "Zimbra fault \(code): \(reason)" }
}
