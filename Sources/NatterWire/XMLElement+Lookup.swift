// Lookups treat a `nil` namespace as "any namespace". Adapters usually know the namespace, but
// servers in the wild disagree about where they put the default namespace, and matching by local
// name alone is the forgiving choice when the caller decides it is safe.
extension XMLElement {
    /// The first child element with this name.
    public func firstChild(named name: String, namespace: String? = nil) -> XMLElement? {
        for case .element(let child) in children where child.hasName(name, namespace: namespace) {
            return child
        }
        return nil
    }

    /// All child elements with this name, in document order.
    public func children(named name: String, namespace: String? = nil) -> [XMLElement] {
        children.compactMap { node in
            guard let child = node.element, child.hasName(name, namespace: namespace) else { return nil }
            return child
        }
    }

    /// The value of the first attribute with this local name and namespace.
    ///
    /// Unlike element lookups, `nil` here means "no namespace", since that is where ordinary
    /// attributes live and matching `xsi:nil` when asking for `nil` would be a surprise.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// Follows a path of child names, e.g. `element(at: "ImItemList", "Groups")`.
    public func element(at path: String..., namespace: String? = nil) -> XMLElement? {
        element(at: path, namespace: namespace)
    }

    /// Follows a path of child names, taking the first match at each step.
    public func element(at path: [String], namespace: String? = nil) -> XMLElement? {
        var current = self
        for step in path {
            guard let next = current.firstChild(named: step, namespace: namespace) else { return nil }
            current = next
        }
        return current
    }

    /// The text of the element at `path`, or `nil` when the path does not exist.
    public func text(at path: String..., namespace: String? = nil) -> String? {
        element(at: path, namespace: namespace)?.text
    }

    /// Depth-first search for the first descendant (not including `self`) with this name.
    public func firstDescendant(named name: String, namespace: String? = nil) -> XMLElement? {
        for case .element(let child) in children {
            if child.hasName(name, namespace: namespace) { return child }
            if let found = child.firstDescendant(named: name, namespace: namespace) { return found }
        }
        return nil
    }

    /// Resolves a QName-valued string such as `"soap:Sender"` against the declarations on this
    /// element and its `ancestors` (innermost first, i.e. parent before grandparent).
    public func resolveQName(
        _ qualifiedName: String, ancestors: [XMLElement] = []
    ) -> (namespace: String?, localName: String) {
        let parts = qualifiedName.split(separator: ":", maxSplits: 1)
        let prefix: String? = parts.count == 2 ? String(parts[0]) : nil
        let localName = String(parts.last ?? "")
        if prefix == "xml" { return (XMLNamespace.xml.uri, localName) }
        for scope in [self] + ancestors {
            if let declaration = scope.namespaceDeclarations.first(where: { $0.prefix == prefix }) {
                return (declaration.uri.isEmpty ? nil : declaration.uri, localName)
            }
        }
        return (nil, localName)
    }
}
