import NatterWire

/// A `t:ItemIdType`: an opaque `Id` plus the `ChangeKey` that versions it.
///
/// Exchange ids are base64; natterd's are too. The check is on the alphabet only, not on the length, because
/// the seed's examples carry ids "shortened to preserve readability" that are no longer whole base64 quanta
/// and must still be read.
public struct EWSItemId: Sendable, Hashable {
    public var id: String
    /// Changes on every modification of the item; an update with a stale key gets `ErrorIrresolvableConflict`.
    public var changeKey: String?

    public init(id: String, changeKey: String? = nil) {
        self.id = id
        self.changeKey = changeKey
    }

    /// Whether `id` is non-empty base64 (standard or URL-safe alphabet) with padding only at the end.
    public var isWellFormed: Bool {
        guard !id.isEmpty else { return false }
        var padding = 0
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "="):
                padding += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"),
                UInt8(ascii: "_"):
                if padding > 0 { return false }
            default:
                return false
            }
        }
        return padding <= 2 && padding < id.utf8.count
    }

    /// The element `name` in `namespace` carrying this id as attributes.
    public func element(_ name: String, in namespace: XMLNamespace) -> XMLElement {
        var element = XMLElement(name: name, namespace: namespace.uri, prefix: namespace.prefix)
        element.attributes.append(XMLAttribute("Id", value: id))
        if let changeKey { element.attributes.append(XMLAttribute("ChangeKey", value: changeKey)) }
        return element
    }

    /// Reads the `Id` and `ChangeKey` attributes of `element`, refusing a missing or malformed `Id`.
    public init(parsing element: XMLElement, path: String) throws {
        guard let id = element.attribute("Id") else { throw ContactStoreCodecError.missingElement(path + "/@Id") }
        self.init(id: id, changeKey: element.attribute("ChangeKey"))
        guard isWellFormed else { throw ContactStoreCodecError.malformedId(path + "/@Id", id: id) }
    }
}
