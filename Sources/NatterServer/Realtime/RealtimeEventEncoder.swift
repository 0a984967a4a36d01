import Foundation
import NatterCodecs
import NatterModel
import NatterWire

/// Turns the hub's domain events into Realtime messages: the only place the Realtime wire shape of a chat,
/// a presence or a typing notice is decided for pushed frames.
struct RealtimeEventEncoder: Sendable {
    let domain: String

    func message(for event: HubEvent) -> RealtimeMessage {
        switch event {
        case .presence(let presence):
            .presenceChange(
                RealtimePresence(
                    from: presence.from.description, to: presence.to.description, presence: presence.presence,
                    received: presence.since.map(RealtimeEventEncoder.timestamp), status: presence.status))
        case .message(let event):
            .chat(chat(event.message, extras: event.extras))
        case .messageEdited(let message):
            .chatUpdated(chat(message))
        case .messageDeleted(let message):
            .chatDeleted(
                RealtimeChatRef(
                    key: message.key, to: bareJID(message.roomName ?? message.recipientName ?? "").description,
                    from: bareJID(message.sender.name).description))
        case .typing(let typing):
            .userTyping(
                RealtimeTyping(
                    from: typing.from.description, to: typing.to.description,
                    state: typing.state == .composing ? .composing : .done))
        case .roster(let entries):
            .rosterUpdate(
                entries.map { entry in
                    RealtimeRosterContact(
                        jid: entry.jid.description, name: entry.name, presence: entry.presence, groups: entry.groups,
                        status: entry.status)
                })
        }
    }

    /// A stored message as Realtime shows it; `extras` saves parsing the stored text when the sender's are at hand.
    func chat(_ stored: StoredMessage, extras: [String: JSONValue]? = nil) -> RealtimeChat {
        let to = stored.roomName ?? stored.recipientName ?? ""
        var extras = extras
        if extras == nil, let text = stored.extras,
            let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        {
            extras = value.objectValue
        }
        return RealtimeChat(
            to: bareJID(to).description, from: bareJID(stored.sender.name).description, text: stored.text,
            key: stored.key, extras: extras, displayName: stored.sender.displayName,
            received: RealtimeEventEncoder.timestamp(stored.createdAt))
    }

    private func bareJID(_ name: String) -> JID { JID(local: name, domain: domain) }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
