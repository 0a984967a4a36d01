import NatterWire

/// The namespace of Communicator Web Access AJAX documents.
///
/// Natter writes it as the default namespace on every document except the logon (which real CWA servers expect
/// without one) and reads every element in it or in no namespace, as seed 001's bare fragments are.
public enum CWANamespace {
    public static let uri = "http://schemas.microsoft.com/2006/09/rtc/cwa"
    public static let cwa = XMLNamespace(uri)
}

extension XMLElement {
    /// Whether this element is in the CWA namespace or in none.
    var isCWA: Bool { namespace == nil || namespace == CWANamespace.uri }

    /// A CWA child by local name, in the CWA namespace or in none.
    func cwaChild(_ name: String) -> XMLElement? {
        elements.first { $0.name == name && $0.isCWA }
    }

    func cwaChildren(_ name: String) -> [XMLElement] {
        elements.filter { $0.name == name && $0.isCWA }
    }

    func requiredCWAChild(_ name: String, path: String) throws(CWACodecError) -> XMLElement {
        guard let child = cwaChild(name) else { throw .missingElement(path + "/" + name) }
        return child
    }

    /// Leaf text with surrounding XML whitespace removed: the seed writes `<uri> sip:…</uri>`.
    func requiredCWAText(_ name: String, path: String) throws(CWACodecError) -> String {
        let text = try requiredCWAChild(name, path: path).text.trimmingCWAWhitespace()
        guard !text.isEmpty else { throw .invalidValue(path + "/" + name, value: text) }
        return text
    }

    func optionalCWAText(_ name: String) -> String? {
        cwaChild(name)?.text.trimmingCWAWhitespace()
    }

    func requiredAttribute(_ name: String, path: String) throws(CWACodecError) -> String {
        guard let value = attribute(name), !value.isEmpty else { throw .missingAttribute(path + "/@" + name) }
        return value
    }

    func optionalIntAttribute(_ name: String, path: String) throws(CWACodecError) -> Int? {
        guard let raw = attribute(name) else { return nil }
        guard let value = Int(raw.trimmingCWAWhitespace()), value >= 0 else {
            throw .invalidValue(path + "/@" + name, value: raw)
        }
        return value
    }
}

/// Builds an element in the document's namespace (or none), so one encoder serves both forms.
func cwaElement(
    _ name: String, _ namespaced: Bool, attributes: KeyValuePairs<String, String> = [:],
    @XMLContentBuilder content: () -> [XMLNode] = { [] }
) -> XMLElement {
    XMLElement(name, namespace: namespaced ? CWANamespace.uri : nil, attributes: attributes, content: content)
}

func cwaElement(
    _ name: String, _ namespaced: Bool, attributes: KeyValuePairs<String, String> = [:], text: String
) -> XMLElement {
    XMLElement(name, namespace: namespaced ? CWANamespace.uri : nil, attributes: attributes, text: text)
}

extension String {
    func trimmingCWAWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
