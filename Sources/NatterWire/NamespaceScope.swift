/// The namespace bindings in force while writing one element, and the ones it must declare.
struct NamespaceScope {
    /// prefix → URI; the empty prefix is the default namespace, and an empty URI undeclares it.
    private var bindings: [String: String] = ["xml": XMLNamespace.xml.uri]
    private(set) var declaredHere: [(prefix: String, uri: String)] = []
    private var generatedCount = 0

    mutating func beginElement() {
        declaredHere = []
    }

    private func declaredLocally(_ prefix: String) -> String? {
        declaredHere.first { $0.prefix == prefix }?.uri
    }

    private func isBound(_ prefix: String, to uri: String) -> Bool {
        (bindings[prefix] ?? "") == uri
    }

    mutating func declare(prefix: String, uri: String) throws {
        if prefix == "xml" || prefix == "xmlns" { return }
        if !prefix.isEmpty {
            try XMLName.validate(prefix)
            // XML Namespaces 1.0 has no way to undeclare a prefix.
            guard !uri.isEmpty else { throw XMLError.invalidName("xmlns:\(prefix)=\"\"") }
        }
        if let existing = declaredLocally(prefix) {
            guard existing == uri else {
                throw XMLError.namespaceConflict(prefix: prefix, existing: existing, requested: uri)
            }
            return
        }
        if isBound(prefix, to: uri) { return }
        bindings[prefix] = uri
        declaredHere.append((prefix, uri))
    }

    mutating func qualifiedElementName(for element: XMLElement) throws -> String {
        try XMLName.validate(element.name)
        guard let uri = element.namespace, !uri.isEmpty else {
            // An element in no namespace under a default namespace needs `xmlns=""`.
            try declare(prefix: "", uri: "")
            return element.name
        }
        if uri == XMLNamespace.xml.uri { return "xml:" + element.name }
        let preferred = element.prefix ?? ""
        if isBound(preferred, to: uri) { return qualify(preferred, element.name) }
        if declaredLocally(preferred) == nil {
            try declare(prefix: preferred, uri: uri)
            return qualify(preferred, element.name)
        }
        let prefix = try prefixForAttribute(uri: uri, preferred: nil)
        return qualify(prefix, element.name)
    }

    mutating func qualifiedAttributeName(for attribute: XMLAttribute) throws -> String {
        guard let uri = attribute.namespace, !uri.isEmpty else { return attribute.name }
        return qualify(try prefixForAttribute(uri: uri, preferred: attribute.prefix), attribute.name)
    }

    /// Namespaced attributes always need a non-empty prefix (the default namespace never applies
    /// to attributes), so reuse one already bound to `uri` or declare one.
    private mutating func prefixForAttribute(uri: String, preferred: String?) throws -> String {
        if let preferred, !preferred.isEmpty, isBound(preferred, to: uri) { return preferred }
        if let preferred, !preferred.isEmpty, bindings[preferred] == nil {
            try declare(prefix: preferred, uri: uri)
            return preferred
        }
        if let bound = bindings.filter({ !$0.key.isEmpty && $0.value == uri }).keys.sorted().first {
            return bound
        }
        var candidate: String
        repeat {
            generatedCount += 1
            candidate = "ns\(generatedCount)"
        } while bindings[candidate] != nil
        try declare(prefix: candidate, uri: uri)
        return candidate
    }

    private func qualify(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix + ":" + name
    }
}

enum XMLName {
    /// A pragmatic NCName check: it rejects what would break the markup (spaces, quotes, `<`, `:`),
    /// and leaves the finer Unicode classes of the XML spec to the peer's parser.
    static func validate(_ name: String) throws {
        guard let first = name.unicodeScalars.first else { throw XMLError.invalidName(name) }
        let startsWell = first == "_" || first.properties.isAlphabetic || first.value > 0x7F
        guard startsWell else { throw XMLError.invalidName(name) }
        for scalar in name.unicodeScalars {
            let ok =
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
                || scalar == "_" || (scalar.value > 0x7F && !scalar.properties.isWhitespace)
            guard ok else { throw XMLError.invalidName(name) }
        }
    }
}
