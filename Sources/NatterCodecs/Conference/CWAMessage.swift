import NatterWire

/// `<message>`: a content type, the content, and optionally the `X-MMS-IM-Format` header in `<Format>`.
///
/// The seed's syntax block orders them `format`, `content`, `Format` and its example `Format`, `content`;
/// the decoder takes any order and the encoder writes the syntax block's.
public struct CWAMessage: Sendable, Hashable {
    /// The MIME type of `content`, such as `text/plain`; absent in the seed's example.
    public var contentType: String?
    public var content: String
    public var imFormat: CWAIMFormat?

    public init(contentType: String? = "text/plain", content: String, imFormat: CWAIMFormat? = nil) {
        self.contentType = contentType
        self.content = content
        self.imFormat = imFormat
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        // `format` and `Format` differ only in case, so match each name exactly.
        contentType = element.optionalCWAText("format")
        // Content is the user's text: keep its whitespace as sent.
        content = try element.requiredCWAChild("content", path: path).text
        imFormat = element.optionalCWAText("Format").map(CWAIMFormat.init(header:))
    }

    func element(_ namespaced: Bool) -> XMLElement {
        cwaElement("message", namespaced) {
            if let contentType { cwaElement("format", namespaced, text: contentType) }
            cwaElement("content", namespaced, text: content)
            if let imFormat { cwaElement("Format", namespaced, text: imFormat.header) }
        }
    }
}
