import NatterWire

/// What a chat message carries: subjects, a body (HTML as text) and the typing flag.
///
/// A message with no body and no typing flag is the seed's "blank message", which clears the typing indicator.
public struct IMMessageContent: Sendable, Hashable {
    /// A text in an optional language.
    public struct Text: Sendable, Hashable {
        public var text: String
        public var lang: String?

        public init(_ text: String, lang: String? = nil) {
            self.text = text
            self.lang = lang
        }
    }

    public var subjects: [Text]
    public var body: Text?
    public var typing: Bool

    public init(subjects: [Text] = [], body: Text? = nil, typing: Bool = false) {
        self.subjects = subjects
        self.body = body
        self.typing = typing
    }

    /// Whether this is the blank message that only stops the typing indicator.
    public var isBlank: Bool { subjects.isEmpty && (body?.text.isEmpty ?? true) && !typing }

    func children(in namespace: XMLNamespace) -> [XMLNode] {
        var nodes = subjects.map {
            XMLNode.element(.zimbra("subject", in: namespace, [("lang", $0.lang)], children: $0.text.xmlNodes))
        }
        if let body {
            nodes.append(.element(.zimbra("body", in: namespace, [("lang", body.lang)], children: body.text.xmlNodes)))
        }
        if typing { nodes.append(.element(.zimbra("typing", in: namespace))) }
        return nodes
    }

    /// Reads the children of a `message` (or a message notification). A body written as `<body><text>…</text>
    /// </body>`, as real servers sent it, counts like a plain one.
    init(parsing element: XMLElement) {
        self.init(
            subjects: element.children(named: "subject").map(Self.text(of:)),
            body: element.rosterChild("body").map(Self.text(of:)),
            typing: element.rosterChild("typing") != nil)
    }

    private static func text(of element: XMLElement) -> Text {
        let lang = element.rosterOptionalAttribute("lang")
        if let nested = element.rosterChild("text"), element.text.trimmingXMLWhitespace().isEmpty {
            return Text(nested.text, lang: lang ?? nested.rosterOptionalAttribute("lang"))
        }
        if element.elements.isEmpty { return Text(element.text, lang: lang) }
        return Text(markup(of: element), lang: lang)
    }

    /// The children of a subject or body sent as XHTML elements rather than escaped text (the reference's
    /// "SUBJECT_AS_XML"), written back as markup so the formatting is not lost. Whitespace-only text between two
    /// elements was already dropped by the reader.
    private static func markup(of element: XMLElement) -> String {
        // Written inside a copy of the parent so the children need no namespace declarations of their own.
        let wrapper = XMLElement(
            name: element.name, namespace: element.namespace, prefix: element.prefix, children: element.children)
        guard let bytes = try? wrapper.serialized(invalidCharacters: .replace) else { return element.text }
        let written = String(decoding: bytes, as: UTF8.self)
        // The wrapper has children, so its start tag ends at the first `>` and its end tag starts at the last `<`.
        guard let open = written.firstIndex(of: ">"), let close = written.lastIndex(of: "<"), open < close else {
            return element.text
        }
        return String(written[written.index(after: open)..<close])
    }
}
