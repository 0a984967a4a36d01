import NatterWire

// How a server turns a request it could not read into the answer Exchange would give, so the ContactStore door
// does not have to know which errors are faults.
extension ContactStoreCodecError {
    /// The errors namespace of EWS fault details.
    static let errorsNamespace = XMLNamespace("http://schemas.microsoft.com/exchange/services/2006/errors", prefix: "e")

    /// The SOAP 1.1 fault for this error, shaped as Exchange's: the response code as a QName in the types
    /// namespace, the description as `faultstring`, and the code again in `detail/e:ResponseCode`.
    public func soapFault() -> SOAPFault {
        let e = Self.errorsNamespace
        return SOAPFault(
            version: .soap11,
            code: .other(namespace: EWSNamespace.types.uri, name: responseCode.rawValue),
            reason: description,
            detail: XMLElement("detail") {
                e("ResponseCode", text: responseCode.rawValue)
                e("Message", text: description)
            })
    }

    /// The error response message for errors that Exchange answers inside the operation's response (a
    /// malformed id); `nil` for those answered with ``soapFault()``.
    public func errorResponse() -> ContactStoreResponse? {
        guard !answersWithFault, let operation else { return nil }
        return .error(operation, code: responseCode, messageText: description)
    }
}
