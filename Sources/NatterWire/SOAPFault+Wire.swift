extension SOAPFault {
    /// Reads a `Fault` element; `ancestors` (innermost first) resolve the prefix of the code.
    public init(parsing fault: XMLElement, version: SOAPVersion, ancestors: [XMLElement] = []) {
        switch version {
        case .soap11:
            // 1.1 fault children are unqualified, though some stacks qualify them; accept both.
            let codeElement = fault.firstChild(named: "faultcode")
            let rawCode = codeElement?.text.trimmed ?? ""
            let resolved = (codeElement ?? fault).resolveQName(rawCode, ancestors: [fault] + ancestors)
            self.init(
                version: version,
                code: SOAPFaultCode(namespace: resolved.namespace, localName: resolved.localName, version: version),
                reason: fault.firstChild(named: "faultstring")?.text ?? "",
                actor: fault.firstChild(named: "faultactor")?.text.trimmed,
                detail: fault.firstChild(named: "detail"))
        case .soap12:
            let ns = version.namespace
            let codeElement = fault.firstChild(named: "Code", namespace: ns)
            let valueElement = codeElement?.firstChild(named: "Value", namespace: ns)
            let rawCode = valueElement?.text.trimmed ?? ""
            let scopes = [codeElement, fault].compactMap { $0 } + ancestors
            let resolved = (valueElement ?? fault).resolveQName(rawCode, ancestors: scopes)
            var subcodes: [String] = []
            var subcode = codeElement?.firstChild(named: "Subcode", namespace: ns)
            while let current = subcode {
                subcodes.append(current.firstChild(named: "Value", namespace: ns)?.text.trimmed ?? "")
                subcode = current.firstChild(named: "Subcode", namespace: ns)
            }
            let texts = fault.firstChild(named: "Reason", namespace: ns)?.children(named: "Text", namespace: ns) ?? []
            let english = texts.first { $0.attribute("lang", namespace: XMLNamespace.xml.uri)?.hasPrefix("en") == true }
            self.init(
                version: version,
                code: SOAPFaultCode(namespace: resolved.namespace, localName: resolved.localName, version: version),
                subcodes: subcodes,
                reason: (english ?? texts.first)?.text ?? "",
                actor: fault.firstChild(named: "Node", namespace: ns)?.text.trimmed,
                detail: fault.firstChild(named: "Detail", namespace: ns))
        }
    }

    /// The `Fault` element, for a server answering with a fault.
    ///
    /// Standard codes are written with the `soap` prefix, which is declared on the Fault element
    /// itself so the QName stays resolvable wherever the element is placed.
    public func element() -> XMLElement {
        let soap = version.envelopeNamespace
        let codeName: String
        var extraDeclarations: [XMLNamespaceDeclaration] = [
            XMLNamespaceDeclaration(prefix: "soap", uri: version.namespace)
        ]
        if case .other(let namespace?, let name) = code, namespace != version.namespace {
            extraDeclarations.append(XMLNamespaceDeclaration(prefix: "fc", uri: namespace))
            codeName = "fc:" + name
        } else if case .other(nil, let name) = code {
            codeName = name
        } else {
            codeName = "soap:" + code.localName(for: version)
        }
        var fault: XMLElement
        switch version {
        case .soap11:
            fault = soap("Fault") {
                XMLElement("faultcode", text: codeName)
                XMLElement("faultstring", text: reason)
                if let actor { XMLElement("faultactor", text: actor) }
                if let detail { XMLElement(name: "detail", children: detail.children) }
            }
        case .soap12:
            fault = soap("Fault") {
                soap("Code") {
                    soap("Value", text: codeName)
                    subcodeElement(subcodes[...], soap: soap)
                }
                soap("Reason") {
                    soap("Text", text: reason).addingAttribute("lang", namespace: XMLNamespace.xml.uri, value: "en")
                }
                if let actor { soap("Node", text: actor) }
                if let detail { soap("Detail") { detail.children } }
            }
        }
        fault.namespaceDeclarations = extraDeclarations
        return fault
    }

    private func subcodeElement(_ values: ArraySlice<String>, soap: XMLNamespace) -> XMLElement? {
        guard let first = values.first else { return nil }
        return soap("Subcode") {
            soap("Value", text: first)
            subcodeElement(values.dropFirst(), soap: soap)
        }
    }
}

extension String {
    var trimmed: String {
        let scalars = unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}
