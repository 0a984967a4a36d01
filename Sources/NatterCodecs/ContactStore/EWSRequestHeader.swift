import NatterWire

/// The SOAP header blocks of an EWS request: `t:RequestServerVersion` and `t:MailboxCulture`.
public struct EWSRequestHeader: Sendable, Hashable {
    /// A `t:ExchangeVersionType` value; the Unified Contact Store needs at least `Exchange2013`.
    public var requestServerVersion: String?
    /// An `xs:language` tag such as `en-US`.
    public var mailboxCulture: String?

    public init(requestServerVersion: String? = "Exchange2013", mailboxCulture: String? = "en-US") {
        self.requestServerVersion = requestServerVersion
        self.mailboxCulture = mailboxCulture
    }

    /// The header blocks, in the order Exchange's examples send them.
    public var elements: [XMLElement] {
        let t = EWSNamespace.types
        var blocks: [XMLElement] = []
        if let requestServerVersion {
            blocks.append(t("RequestServerVersion", attributes: ["Version": requestServerVersion]))
        }
        if let mailboxCulture { blocks.append(t("MailboxCulture", text: mailboxCulture)) }
        return blocks
    }

    /// Reads the blocks from a request's headers; both are optional, as some real clients omit them, and
    /// blocks this type does not model (such as `t:TimeZoneContext`) are ignored.
    public init(parsing headers: [XMLElement]) {
        let t = EWSNamespace.types.uri
        self.init(
            requestServerVersion: headers.first { $0.hasName("RequestServerVersion", namespace: t) }?
                .attribute("Version"),
            mailboxCulture: headers.first { $0.hasName("MailboxCulture", namespace: t) }?.text
                .trimmingXMLWhitespace())
    }
}
