import NatterWire

// How a server turns a request it could not read into the answer Exchange would give, so the ContactStore door
// does not have to know which errors are faults.
extension ContactStoreCodecError {
    /// The errors namespace of EWS fault details.
    static let errorsNamespace = XMLNamespace("http://schemas.microsoft.com/exchange/services/2006/errors", prefix: "e")

    /// The SOAP 1.1 fault for this error, shaped as Exchange's: the response code as a QName in the types
    /// namespace, the description as `faultstring`, and the code again in `detail/e:ResponseCode`.
    public func soapFault() -> SOAPFault { .exchange(responseCode, reason: description) }

    public func errorResponse() -> ContactStoreResponse? {
        guard !answersWithFault, let operation else { return nil }
        return .error(operation, code: responseCode, messageText: description)
    }
}

extension SOAPFault {
    /// A SOAP 1.1 fault in Exchange's shape: `faultcode` the code as a QName in the types namespace, and the
    /// code again in `detail/e:ResponseCode`. For refusals a server makes before any operation is read
    /// (an oversized or unreadable body) as well as for the codec's own errors.
    public static func exchange(_ code: EWSResponseCode, reason: String) -> SOAPFault {
        let e = ContactStoreCodecError.errorsNamespace
        return SOAPFault(
            version: .soap11, code: .other(namespace: EWSNamespace.types.uri, name: code.rawValue), reason: reason,
            detail: XMLElement("detail") {
                e("ResponseCode", text: code.rawValue)
                e("Message", text: reason)
            })
    }
}
