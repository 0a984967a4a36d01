import NatterCodecs

/// The per-connection protocol state of a Channels WebSocket. Authentication happened before the upgrade, so
/// every readable message is handled; an unreadable one is answered with a `status:false` ack, keeping the
/// one-ack-per-message order, and the connection stays open.
///
/// Pure: it decodes frames and says what to do; the connection shell does it.
struct ChannelsConnectionStateMachine {
    enum Action: Equatable {
        /// Answer the client directly with this ack.
        case reply(ChannelAck)
        case handle(ChannelClientMessage)
    }

    /// What the session watchdog should do on its tick.
    enum SessionCheck: Equatable {
        /// The client sent something since the last tick: the login session is in use, mark it.
        case touchAndVerify
        case verify
    }

    let maximumFrameSize: Int
    private var usedSinceCheck = false

    init(maximumFrameSize: Int = ChannelCodec.defaultMaximumFrameSize) {
        self.maximumFrameSize = maximumFrameSize
    }

    mutating func receive(text: String) -> Action {
        usedSinceCheck = true
        do {
            return .handle(try ChannelCodec.decodeClientMessage(text, maximumFrameSize: maximumFrameSize))
        } catch {
            return .reply(error.acknowledgement() ?? ChannelAck(replyTo: nil, status: false, reason: error.description))
        }
    }

    /// Binary frames carry nothing this protocol defines; answered rather than closed so a confused client
    /// learns why.
    mutating func receiveBinary() -> Action {
        usedSinceCheck = true
        return .reply(
            ChannelAck(replyTo: nil, status: false, reason: "binary frames are not supported; send JSON text"))
    }

    mutating func sessionCheck() -> SessionCheck {
        defer { usedSinceCheck = false }
        return usedSinceCheck ? .touchAndVerify : .verify
    }
}
