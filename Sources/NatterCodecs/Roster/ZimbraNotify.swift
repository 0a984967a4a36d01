import NatterWire

/// One `<notify seq="N">` block of a response's context header.
///
/// The client acknowledges the highest `seq` it has processed in its next request's context; the server drops
/// blocks up to that number and sends every later one again, so a lost response loses nothing. Mailbox changes
/// (`deleted`, `created`, `modified`) are not part of the IM door and are not modelled.
public struct ZimbraNotify: Sendable, Hashable {
    public var seq: Int64
    public var notifications: [IMNotification]

    public init(seq: Int64, notifications: [IMNotification]) {
        self.seq = seq
        self.notifications = notifications
    }

    public var element: XMLElement {
        let z = ZimbraNamespace.zimbra
        let im: [XMLNode] =
            notifications.isEmpty
            ? [] : [.element(.zimbra("im", in: z, children: notifications.map { .element($0.element) }))]
        return .zimbra("notify", in: z, [("seq", String(seq))], children: im)
    }

    /// Reads a `<notify>` block; every `<im>` child's notifications are collected in order.
    public init(parsing element: XMLElement) throws {
        guard let seq = try element.rosterInteger("seq", path: "notify", in: 0...Int64.max) else {
            throw RosterCodecError.missingField("notify@seq")
        }
        var notifications: [IMNotification] = []
        for im in element.children(named: "im") {
            for n in im.children(named: "n") {
                notifications.append(try IMNotification(parsing: n))
            }
        }
        self.init(seq: seq, notifications: notifications)
    }
}
