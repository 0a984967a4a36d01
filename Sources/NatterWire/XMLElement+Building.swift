// Convenience initialisers and fluent modifiers for adapter authors. They never throw: anything
// that cannot be written (such as a C0 control character) is reported by the writer, which is
// the one place that knows the output rules.
extension XMLElement {
    /// An element whose children come from a ``XMLContentBuilder`` block.
    ///
    /// Children do not inherit the namespace: an element is in exactly the namespace it was given.
    /// Use ``XMLNamespace`` as a factory (`m("Email", text: …)`) to keep that short.
    public init(
        _ name: String,
        namespace: String? = nil,
        prefix: String? = nil,
        attributes: KeyValuePairs<String, String> = [:],
        @XMLContentBuilder content: () -> [XMLNode] = { [] }
    ) {
        self.init(
            name: name,
            namespace: namespace,
            prefix: prefix,
            attributes: attributes.map { XMLAttribute($0.key, value: $0.value) },
            children: content())
    }

    /// A leaf element holding `text`.
    public init(
        _ name: String,
        namespace: String? = nil,
        prefix: String? = nil,
        attributes: KeyValuePairs<String, String> = [:],
        text: String
    ) {
        self.init(name, namespace: namespace, prefix: prefix, attributes: attributes) { text }
    }

    /// A copy with one more attribute; use this for namespaced attributes such as `xsi:type`.
    public func addingAttribute(
        _ name: String, namespace: String? = nil, prefix: String? = nil, value: String
    ) -> XMLElement {
        var copy = self
        copy.attributes.append(XMLAttribute(name, namespace: namespace, prefix: prefix, value: value))
        return copy
    }

    /// A copy that declares `uri` with `prefix` on itself, so descendants (and QName-valued text)
    /// can use the prefix without redeclaring it.
    public func declaringNamespace(_ uri: String, prefix: String?) -> XMLElement {
        var copy = self
        copy.namespaceDeclarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
        return copy
    }

    /// A copy with more children appended.
    public func appending(@XMLContentBuilder _ content: () -> [XMLNode]) -> XMLElement {
        var copy = self
        copy.children += content()
        return copy
    }
}
