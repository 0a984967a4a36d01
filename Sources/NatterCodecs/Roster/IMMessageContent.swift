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
        return Text(element.text, lang: lang)
    }
}
