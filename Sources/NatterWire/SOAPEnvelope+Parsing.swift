extension SOAPEnvelope {
    /// Parses a SOAP response (or request, on the server), detecting the version from the
    /// envelope namespace.
    ///
    /// - Throws: ``SOAPFault`` when the body is a fault, ``SOAPError`` when the document is not a
    ///   usable envelope, ``XMLError`` when it is not acceptable XML at all.
    public static func parse(
        _ bytes: some Collection<UInt8>, reader: XMLDocumentReader = XMLDocumentReader()
    ) throws -> SOAPEnvelope {
        try SOAPEnvelope(parsing: reader.parse(bytes))
    }

    /// Interprets an already parsed `Envelope` element.
    public init(parsing root: XMLElement) throws {
        guard root.name == "Envelope", let namespace = root.namespace, let version = SOAPVersion(namespace: namespace)
        else { throw SOAPError.notAnEnvelope(root) }
        let header = root.firstChild(named: "Header", namespace: namespace)
        let headers = header?.elements ?? []
        guard let body = root.firstChild(named: "Body", namespace: namespace) else { throw SOAPError.missingBody }
        let contents = body.elements
        if contents.count == 1, let fault = contents.first, fault.hasName("Fault", namespace: namespace) {
            var parsed = SOAPFault(parsing: fault, version: version, ancestors: [body, root])
            parsed.headers = headers
            throw parsed
        }
        guard contents.count == 1, let element = contents.first else {
            throw SOAPError.bodyElementCount(contents.count)
        }
        self.init(
            version: version, headers: headers, body: element, namespaceDeclarations: root.namespaceDeclarations)
    }
}
