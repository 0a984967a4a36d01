import NatterCodecs
import Testing

/// Case accessors so a test unwraps a frame with `try #require(frame.chat)`: a frame of another kind fails
/// the test with the frame in the message instead of passing silently.
extension RealtimeMessage {
    var chat: RealtimeChat? { if case .chat(let chat) = self { chat } else { nil } }
    var chatUpdated: RealtimeChat? { if case .chatUpdated(let chat) = self { chat } else { nil } }
    var chatDeleted: RealtimeChatRef? { if case .chatDeleted(let ref) = self { ref } else { nil } }
    var ack: RealtimeAck? { if case .ack(let ack) = self { ack } else { nil } }
    var presence: RealtimePresence? { if case .presenceChange(let presence) = self { presence } else { nil } }
    var isChat: Bool { chat != nil }
    var isPresence: Bool { presence != nil }
}
