import NatterCodecs

/// Turns the core's conference events into CWA's, with users as `sip:` URIs of this server's domain.
struct CWAEventEncoder: Sendable {
    let domain: String

    func uri(_ user: String) -> String { "sip:\(user)@\(domain)" }

    /// A URI from a request: `sip:alice@natter.test`; the scheme is required, as CWA clients always send it.
    static func address(of uri: String) -> String? {
        guard uri.lowercased().hasPrefix("sip:") else { return nil }
        let address = String(uri.dropFirst(4))
        return address.isEmpty ? nil : address
    }

    func event(_ event: ConferenceEvent) -> CWAConferenceEvent {
        CWAConferenceEvent(confId: String(event.conference), kind: kind(event.kind))
    }

    private func kind(_ kind: ConferenceEvent.Kind) -> CWAConferenceEvent.Kind {
        switch kind {
        case .invited(let from, let participants, let subject, let message):
            .imSessionReceived(
                sender: uri(from), participants: participants.map(uri), subject: subject,
                message: Self.message(message))
        case .state(let state): .imSessionState(Self.state(state))
        case .message(let from, let message): .messageReceived(sender: uri(from), message: Self.message(message))
        case .composing(let from, let isComposing):
            .composingState(sender: uri(from), state: isComposing ? .composing : .idle)
        case .joined(let user): .participant(uri: uri(user), state: .joined)
        case .left(let user): .participant(uri: uri(user), state: .left)
        }
    }

    static func message(_ text: ConferenceText) -> CWAMessage {
        CWAMessage(
            contentType: text.contentType, content: text.text, imFormat: text.format.map(CWAIMFormat.init(header:)))
    }

    /// The core keeps the format header as the sender wrote it, without the header name.
    static func text(_ message: CWAMessage) -> ConferenceText {
        ConferenceText(text: message.content, contentType: message.contentType, format: message.imFormat?.headerValue)
    }

    private static func state(_ state: ConferenceEvent.State) -> CWAImSessionState {
        switch state {
        case .connecting: .connecting
        case .connected: .connected
        case .incoming: .incoming
        case .terminated: .terminated
        }
    }
}
