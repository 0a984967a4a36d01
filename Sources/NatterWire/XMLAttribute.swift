/// An attribute of an ``XMLElement``.
///
/// Unprefixed attributes are in no namespace (XML Namespaces §6.2), so `namespace` is `nil` for
/// almost every protocol attribute; `xsi:type` and `xml:lang` are the usual exceptions.
public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    /// The preferred prefix when serializing; the writer picks another if this one is taken.
    public var prefix: String?
    public var value: String

    public init(_ name: String, namespace: String? = nil, prefix: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.prefix = prefix
        self.value = value
    }
}

/// A namespace binding written on an element (`xmlns="…"` or `xmlns:p="…"`).
///
/// The reader keeps the declarations it saw so that QName-valued content such as `xsi:type="t:Foo"`
/// or a SOAP fault code `soap:Sender` can still be resolved; the writer emits them verbatim.
public struct XMLNamespaceDeclaration: Sendable, Hashable {
    /// `nil` for the default namespace.
    public var prefix: String?
    public var uri: String

    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}
