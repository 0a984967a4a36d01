import Foundation
import NatterModel

/// Optional plain-text logs, one file per conversation (`logs = true` in config.toml), for grep and for reading
/// without Natter: `$XDG_STATE_HOME/natter/logs/ACCOUNT/KIND-ADDRESS.log`.
///
/// A line per message, `2026-11-30 16:05:00 <bob@natter.test> text`; continuation lines of a multi-line message
/// start with a tab, so every line that does not is the start of a message. Remote text is sanitised as the screen
/// sanitises it: a `cat` of the log must not let a peer's escape sequences reach the terminal.
public struct ConversationLog: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The logs of `account` under the XDG state directory.
    public static func defaultDirectory(
        account: AccountID, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return "\(base)/natter/logs/\(safe(account.description))"
    }

    public func path(of conversation: ConversationID) -> String {
        "\(directory)/\(conversation.kind.rawValue)-\(Self.safe(conversation.address)).log"
    }

    /// Appends one message. The file and its directory are the owner's alone, like the cache.
    public func append(_ message: Message) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = path(of: message.conversation)
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.line(for: message).utf8))
    }

    static func line(for message: Message) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let sender = TextSanitizer.line(message.sender.bareString)
        let text = TextSanitizer.message(message.text).split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\n\t")
        return "\(formatter.string(from: message.timestamp)) <\(sender)> \(text)\n"
    }

    private static func safe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "@" || $0 == "-" ? $0 : "_" })
    }
}
