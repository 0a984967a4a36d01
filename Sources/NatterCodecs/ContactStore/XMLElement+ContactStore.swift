import NatterWire

// Field readers shared by the ContactStore values. They match children by namespace URI (never by prefix) and
// report the element path in errors so a server's fault names exactly what was wrong.
extension XMLElement {
    func required(_ name: String, in namespace: XMLNamespace, path: String) throws -> XMLElement {
        guard let child = firstChild(named: name, namespace: namespace.uri) else {
            throw ContactStoreCodecError.missingElement(path + "/" + name)
        }
        return child
    }

    /// The text of a `t:NonEmptyStringType` field, which must be present and not empty.
    func requiredText(_ name: String, in namespace: XMLNamespace, path: String) throws -> String {
        let text = try required(name, in: namespace, path: path).text
        guard !text.isEmpty else { throw ContactStoreCodecError.invalidValue(path + "/" + name, value: text) }
        return text
    }

    func optionalText(_ name: String, in namespace: XMLNamespace) -> String? {
        firstChild(named: name, namespace: namespace.uri)?.text
    }

    /// An optional `t:NonEmptyStringType` field: absent is fine, empty is not.
    func optionalNonEmptyText(_ name: String, in namespace: XMLNamespace, path: String) throws -> String? {
        guard let text = optionalText(name, in: namespace) else { return nil }
        guard !text.isEmpty else { throw ContactStoreCodecError.invalidValue(path + "/" + name, value: text) }
        return text
    }

    func requiredItemId(_ name: String, in namespace: XMLNamespace, path: String) throws -> EWSItemId {
        try EWSItemId(parsing: required(name, in: namespace, path: path), path: path + "/" + name)
    }

    func optionalItemId(_ name: String, in namespace: XMLNamespace, path: String) throws -> EWSItemId? {
        guard let child = firstChild(named: name, namespace: namespace.uri) else { return nil }
        return try EWSItemId(parsing: child, path: path + "/" + name)
    }

    /// The `t:ItemId` entries of a `NonEmptyArrayOfBaseItemIdsType`. The other id kinds of that choice
    /// (occurrences, recurring masters) name calendar items and are refused rather than silently dropped.
    func itemIdArray(path: String) throws -> [EWSItemId] {
        var ids: [EWSItemId] = []
        for child in elements {
            guard child.hasName("ItemId", namespace: EWSNamespace.types.uri) else {
                throw ContactStoreCodecError.invalidValue(path + "/" + child.name, value: child.name)
            }
            ids.append(try EWSItemId(parsing: child, path: path + "/ItemId"))
        }
        guard !ids.isEmpty else { throw ContactStoreCodecError.missingElement(path + "/ItemId") }
        return ids
    }
}

/// Encoding checks for `t:NonEmptyStringType` fields, so a client never sends what the schema forbids.
func requireNonEmpty(_ value: String, path: String) throws -> String {
    guard !value.isEmpty else { throw ContactStoreCodecError.invalidValue(path, value: value) }
    return value
}

extension XMLElement {
    /// Declares `m` and `t` on an operation element, so that a body written on its own (logs, schema checks)
    /// declares each once instead of on every field; inside our envelope both are already bound and the writer
    /// does not repeat them.
    func declaringEWSNamespaces() -> XMLElement {
        declaringNamespace(EWSNamespace.messages.uri, prefix: EWSNamespace.messages.prefix)
            .declaringNamespace(EWSNamespace.types.uri, prefix: EWSNamespace.types.prefix)
    }
}
