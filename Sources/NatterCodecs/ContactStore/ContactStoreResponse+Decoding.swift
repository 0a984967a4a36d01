import NatterWire

extension ContactStoreResponse {
    /// Reads a response body element, by namespace URI so any prefix or a default namespace is accepted.
    ///
    /// - Parameter expected: the operation the client sent; a response to another operation is refused.
    /// - Throws: ``ContactStoreCodecError``.
    public init(parsing body: XMLElement, expecting expected: ContactStoreOperation? = nil) throws {
        guard body.namespace == EWSNamespace.messages.uri,
            let operation = ContactStoreOperation(responseElement: body.name)
        else {
            if let expected { throw ContactStoreCodecError.unexpectedResponse(expected: expected, found: body.name) }
            throw ContactStoreCodecError.unknownOperation(body)
        }
        if let expected, expected != operation {
            throw ContactStoreCodecError.unexpectedResponse(expected: expected, found: body.name)
        }
        do {
            try self.init(operation: operation, body: body)
        } catch let error as ContactStoreCodecError {
            throw error.within(operation)
        }
    }

    private init(operation: ContactStoreOperation, body: XMLElement) throws {
        let m = EWSNamespace.messages
        let path = operation.responseElementName
        guard let classText = body.attribute("ResponseClass") else {
            throw ContactStoreCodecError.missingElement(path + "/@ResponseClass")
        }
        guard let responseClass = EWSResponseClass(rawValue: classText.trimmingXMLWhitespace()) else {
            throw ContactStoreCodecError.invalidValue(path + "/@ResponseClass", value: classText)
        }
        // The schema lets the code be absent; only a success can be understood without one.
        let code = body.optionalText("ResponseCode", in: m)?.trimmingXMLWhitespace()
        guard let code = code ?? (responseClass == .success ? EWSResponseCode.noError.rawValue : nil) else {
            throw ContactStoreCodecError.missingElement(path + "/ResponseCode")
        }
        guard !code.isEmpty else { throw ContactStoreCodecError.invalidValue(path + "/ResponseCode", value: code) }

        let payload: Payload
        switch operation.payloadKind {
        case .none:
            payload = .none
        case .imGroup:
            payload =
                try body.firstChild(named: "ImGroup", namespace: m.uri)
                .map { .imGroup(try ImGroup(parsing: $0, path: path + "/ImGroup")) } ?? .none
        case .persona:
            payload =
                try body.firstChild(named: "Persona", namespace: m.uri)
                .map { .persona(try Persona(parsing: $0, path: path + "/Persona")) } ?? .none
        case .imItemList:
            payload =
                try body.firstChild(named: "ImItemList", namespace: m.uri)
                .map { .imItemList(try ImItemList(parsing: $0, path: path + "/ImItemList")) } ?? .none
        }
        self.init(
            operation: operation, responseClass: responseClass, responseCode: EWSResponseCode(rawValue: code),
            messageText: body.optionalText("MessageText", in: m), payload: payload)
    }
}
