import Foundation
import NatterEngine
import NatterModel

/// Decides which new messages deserve the user's attention outside the window they are reading: a private message
/// or one that names them (`Activity.privateMessage` and `.highlight`). The run loop rings the bell and runs the
/// notify command for each; this only decides, so it is tested without a terminal.
public struct AttentionTracker: Sendable {
    /// One message worth a bell.
    public struct Alert: Sendable, Equatable {
        public var level: Activity
        public var sender: String
        public var text: String
    }

    /// The newest message id seen per conversation. What is there at the first update (the cache, read before)
    /// never rings; later, only unread messages can, so history loaded on opening a window does not either.
    private var newest: [ConversationID: String] = [:]
    private var started = false

    public init() {}

    public mutating func update(state: ClientState, words: [String] = []) -> [Alert] {
        defer { started = true }
        var alerts: [Alert] = []
        for (id, conversation) in state.conversations {
            guard let last = conversation.messages.last?.id else { continue }
            let previous = newest.updateValue(last, forKey: id)
            guard started, previous != last, state.activeWindow != .conversation(id) else { continue }
            // A conversation new since the last update (a first message from someone) starts at its unread ones.
            let start = previous.flatMap { id in conversation.messages.lastIndex { $0.id == id } }.map { $0 + 1 } ?? 0
            // Only what is still unread: a message merged in from history or our own echo is not news.
            let unreadStart = max(start, conversation.messages.count - conversation.unread)
            let names = Highlighter.names(for: id.account, state: state) + words
            for message in conversation.messages[unreadStart...] where !message.isOutgoing {
                let level: Activity
                if Highlighter.mentions(message.text, anyOf: names) {
                    level = .highlight
                } else if id.kind == .direct {
                    level = .privateMessage
                } else {
                    continue
                }
                let sender = TextSanitizer.line(message.senderName ?? state.displayName(of: message.sender))
                alerts.append(Alert(level: level, sender: sender, text: message.text))
            }
        }
        return alerts
    }
}

/// What to do about an alert, from config.toml: `bell` (default on) and `notify_command`, an argv the sender and
/// the text are appended to — run directly, never through a shell, so no message text is ever interpreted.
public struct AttentionSettings: Sendable, Equatable {
    public var bell: Bool
    public var notifyCommand: [String]
    public var highlightWords: [String]

    public init(bell: Bool = true, notifyCommand: [String] = [], highlightWords: [String] = []) {
        self.bell = bell
        self.notifyCommand = notifyCommand
        self.highlightWords = highlightWords
    }

    /// The argv for one alert: the command found on PATH by `env`, which execs it with no shell in between.
    func arguments(for alert: AttentionTracker.Alert) -> [String]? {
        guard !notifyCommand.isEmpty else { return nil }
        return notifyCommand + [alert.sender, alert.text]
    }
}
