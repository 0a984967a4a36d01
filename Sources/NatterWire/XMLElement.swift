/// An immutable-by-default XML element tree for small protocol documents such as SOAP bodies.
///
/// Names are compared by local name and namespace URI; prefixes are kept only as a
/// serialization preference, because peers are free to choose any prefix they like.
public struct XMLElement: Sendable, Hashable {
    /// The local name (without prefix).
    public var name: String
    /// The namespace URI, or `nil` when the element is in no namespace.
    public var namespace: String?
    /// The preferred prefix when serializing; `nil` means "use the default namespace".
    public var prefix: String?
    public var attributes: [XMLAttribute]
    /// Declarations to emit on this element in addition to the ones the writer needs.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    public var children: [XMLNode]

    public init(
        name: String,
        namespace: String? = nil,
        prefix: String? = nil,
        attributes: [XMLAttribute] = [],
        namespaceDeclarations: [XMLNamespaceDeclaration] = [],
        children: [XMLNode] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.prefix = prefix
        self.attributes = attributes
        self.namespaceDeclarations = namespaceDeclarations
        self.children = children
    }

    /// The child elements, skipping text.
    public var elements: [XMLElement] {
        children.compactMap(\.element)
    }

    /// The concatenated character data of the direct children.
    ///
    /// Only direct text counts, so `<a>x<b>y</b></a>` has text `"x"`; protocol values are leaf
    /// elements and mixing in descendants would silently merge unrelated fields.
    public var text: String {
        var result = ""
        for case .text(let run) in children {
            result += run
        }
        return result
    }

    /// Whether `name` and `namespace` match; a `nil` namespace argument matches any namespace.
    public func hasName(_ name: String, namespace: String? = nil) -> Bool {
        self.name == name && (namespace == nil || self.namespace == namespace)
    }
}
