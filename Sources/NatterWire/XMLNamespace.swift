/// A namespace URI with the prefix we would like it written with.
///
/// It doubles as an element factory so that documents in one namespace stay terse:
///
/// ```swift
/// let m = XMLNamespace("http://schemas.microsoft.com/exchange/services/2006/messages", prefix: "m")
/// let body = m("GetUserPhoto") { m("Email", text: address) }
/// ```
public struct XMLNamespace: Sendable, Hashable {
    public var uri: String
    /// `nil` writes the namespace as the default namespace (`xmlns="…"`).
    public var prefix: String?

    public init(_ uri: String, prefix: String? = nil) {
        self.uri = uri
        self.prefix = prefix
    }

    /// An element in this namespace whose children come from a builder block.
    public func callAsFunction(
        _ name: String,
        attributes: KeyValuePairs<String, String> = [:],
        @XMLContentBuilder content: () -> [XMLNode] = { [] }
    ) -> XMLElement {
        XMLElement(name, namespace: uri, prefix: prefix, attributes: attributes, content: content)
    }

    /// A leaf element in this namespace holding `text`.
    public func callAsFunction(
        _ name: String, attributes: KeyValuePairs<String, String> = [:], text: String
    ) -> XMLElement {
        XMLElement(name, namespace: uri, prefix: prefix, attributes: attributes, text: text)
    }

    /// An attribute in this namespace (for example `xsi("type", "t:ContactItemType")`).
    public func attribute(_ name: String, value: String) -> XMLAttribute {
        XMLAttribute(name, namespace: uri, prefix: prefix, value: value)
    }

    /// Bound to the prefix `xml` by definition; never declared.
    public static let xml = XMLNamespace("http://www.w3.org/XML/1998/namespace", prefix: "xml")
    public static let xsi = XMLNamespace("http://www.w3.org/2001/XMLSchema-instance", prefix: "xsi")
}
