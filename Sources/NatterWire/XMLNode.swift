/// A child of an ``XMLElement``: either a nested element or a run of character data.
///
/// Comments and processing instructions are not represented: protocol documents never carry
/// meaning in them, and dropping them keeps the tree small and comparisons exact.
public enum XMLNode: Sendable, Hashable {
    case element(XMLElement)
    case text(String)

    /// The element, if this node is one.
    public var element: XMLElement? {
        if case .element(let element) = self { return element }
        return nil
    }
}
