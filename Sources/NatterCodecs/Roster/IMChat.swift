import NatterWire

/// A chat thread as IMGetChat returns it: its participants and a page of its sequence-numbered history.
public struct IMChat: Sendable, Hashable {
    /// A participant; `id` is what the messages' `from` refers to, valid only within this one response.
    public struct Participant: Sendable, Hashable {
        public var id: String
        public var addr: String
        public var name: String?
        public var resource: String?

        public init(id: String, addr: String, name: String? = nil, resource: String? = nil) {
            self.id = id
            self.addr = addr
            self.name = name
            self.resource = resource
        }
    }

    /// One message of the history. `seq` orders the thread without gaps, so a client pages with IMGetChat's
    /// `seq` and never sees a message twice.
    public struct Message: Sendable, Hashable {
        public var seq: Int64
        /// Milliseconds since 1970, as Zimbra's `ts`.
        public var timestamp: Int64
        /// A participant id.
        public var from: String
        public var content: IMMessageContent

        public init(seq: Int64, timestamp: Int64, from: String, content: IMMessageContent) {
            self.seq = seq
            self.timestamp = timestamp
            self.from = from
            self.content = content
        }
    }

    public var thread: String
    public var participants: [Participant]
    public var messages: [Message]

    public init(thread: String, participants: [Participant] = [], messages: [Message] = []) {
        self.thread = thread
        self.participants = participants
        self.messages = messages
    }

    var element: XMLElement {
        let im = ZimbraNamespace.im
        let pcps = participants.map {
            XMLNode.element(
                .zimbra("p", in: im, [("id", $0.id), ("addr", $0.addr), ("name", $0.name), ("resource", $0.resource)]))
        }
        let messages = messages.map {
            XMLNode.element(
                .zimbra(
                    "message", in: im, [("seq", String($0.seq)), ("ts", String($0.timestamp)), ("from", $0.from)],
                    children: $0.content.children(in: im)))
        }
        return .zimbra(
            "chat", in: im, [("thread", thread)],
            children: [
                .element(.zimbra("pcps", in: im, children: pcps)),
                .element(.zimbra("messages", in: im, children: messages)),
            ])
    }

    init(parsing element: XMLElement, path: String) throws {
        let path = path + "/chat"
        let participants = try (element.rosterChild("pcps")?.children(named: "p") ?? []).map { p in
            Participant(
                id: try p.rosterAttribute("id", path: path + "/pcps/p"),
                addr: try p.rosterAttribute("addr", path: path + "/pcps/p"),
                name: p.rosterOptionalAttribute("name"), resource: p.rosterOptionalAttribute("resource"))
        }
        let messages = try (element.rosterChild("messages")?.children(named: "message") ?? []).map { message in
            let messagePath = path + "/messages/message"
            guard let seq = try message.rosterInteger("seq", path: messagePath, in: 0...Int64.max) else {
                throw RosterCodecError.missingField(messagePath + "@seq")
            }
            return Message(
                seq: seq, timestamp: try message.rosterInteger("ts", path: messagePath, in: 0...Int64.max) ?? 0,
                from: try message.rosterAttribute("from", path: messagePath),
                content: IMMessageContent(parsing: message))
        }
        self.init(
            thread: try element.rosterAttribute("thread", path: path), participants: participants, messages: messages)
    }
}
