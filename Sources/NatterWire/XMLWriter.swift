/// Serializes ``XMLElement`` trees to UTF-8.
///
/// Output is deterministic: attributes keep their order, namespace declarations come first in
/// the order they were needed, and generated prefixes are numbered in document order. That makes
/// requests byte-for-byte comparable in tests and in the server's golden files.
public struct XMLWriter: Sendable {
    /// What to do with characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF).
    /// No escape exists for them: `&#x1;` is itself ill-formed.
    public enum InvalidCharacterPolicy: Sendable, Hashable {
        /// Throw, so a bad value is noticed where it was produced.
        case reject
        /// Substitute U+FFFD, for user-typed chat text that must go out anyway.
        case replace
    }

    public var includesDeclaration: Bool
    public var invalidCharacters: InvalidCharacterPolicy

    public init(includesDeclaration: Bool = true, invalidCharacters: InvalidCharacterPolicy = .reject) {
        self.includesDeclaration = includesDeclaration
        self.invalidCharacters = invalidCharacters
    }

    public func serialize(_ root: XMLElement) throws -> [UInt8] {
        var output = XMLOutput(policy: invalidCharacters)
        if includesDeclaration {
            output.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        }
        try write(root, scope: NamespaceScope(), into: &output)
        return output.bytes
    }

    public func string(_ root: XMLElement) throws -> String {
        String(decoding: try serialize(root), as: UTF8.self)
    }

    private func write(_ element: XMLElement, scope parentScope: NamespaceScope, into output: inout XMLOutput) throws {
        var scope = parentScope
        scope.beginElement()
        for declaration in element.namespaceDeclarations {
            try scope.declare(prefix: declaration.prefix ?? "", uri: declaration.uri)
        }
        let qualifiedName = try scope.qualifiedElementName(for: element)
        var attributeNames: [String] = []
        for attribute in element.attributes {
            try XMLName.validate(attribute.name)
            attributeNames.append(try scope.qualifiedAttributeName(for: attribute))
        }

        output.raw("<" + qualifiedName)
        for (prefix, uri) in scope.declaredHere {
            output.raw(prefix.isEmpty ? " xmlns=\"" : " xmlns:\(prefix)=\"")
            try output.escaped(uri, inAttribute: true, context: "namespace URI")
            output.raw("\"")
        }
        for (attribute, name) in zip(element.attributes, attributeNames) {
            output.raw(" \(name)=\"")
            try output.escaped(attribute.value, inAttribute: true, context: "attribute \(name)")
            output.raw("\"")
        }
        guard !element.children.isEmpty else {
            output.raw("/>")
            return
        }
        output.raw(">")
        for child in element.children {
            switch child {
            case .element(let nested):
                try write(nested, scope: scope, into: &output)
            case .text(let text):
                try output.escaped(text, inAttribute: false, context: "text of \(qualifiedName)")
            }
        }
        output.raw("</\(qualifiedName)>")
    }
}

extension XMLElement {
    /// The element as UTF-8 bytes, without an XML declaration unless asked for.
    public func serialized(
        includesDeclaration: Bool = false,
        invalidCharacters: XMLWriter.InvalidCharacterPolicy = .reject
    ) throws -> [UInt8] {
        try XMLWriter(includesDeclaration: includesDeclaration, invalidCharacters: invalidCharacters)
            .serialize(self)
    }
}
