import ArgumentParser
import Foundation
import NatterEngine
import NatterModel

/// `natter send --to ADDR TEXT`: sends one message and waits for the server's ack, for scripts and cron jobs.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send one message and wait for the ack.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Recipient: a user (bob, bob@natter.test) or a room (room:lounge).")
    var to: String

    @Option(name: .long, help: "Seconds to wait for the server's acknowledgement.")
    var timeout: Double = 15

    @Argument(help: "The message text; read from standard input when omitted.")
    var text: [String] = []

    func run() throws {
        try ClientSession.reportingErrors {
            let body =
                text.isEmpty
                ? Self.stripFinalNewline(
                    String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
                : text.joined(separator: " ")
            let session = try ClientSession.open(connection, interactive: false)
            defer { session.close() }
            let account = try session.account(forAddress: to)
            // Synchronized means the room list is in, so `--to lounge` can be recognised as a room.
            try session.waitUntil(timeout: timeout, "login") { $0.accounts[account]?.isSynchronized == true }
            let target = try session.resolveTarget(to, account: account)
            if case .room(let room) = target.target {
                session.engine.dispatch(.joinRoom(room, account: target.account))
            }
            let before = Set(session.engine.state.conversations[target]?.messages.map(\.id) ?? [])
            session.engine.dispatch(.send(text: body, to: target))
            guard
                let id = session.engine.state.conversations[target]?.messages.last(where: {
                    $0.isOutgoing && !before.contains($0.id)
                })?.id
            else { throw SessionError("nothing to send: the message is empty", status: ExitStatus.usage) }
            let state = try session.waitUntil(timeout: timeout, "the server's ack") { state in
                state.conversations[target]?.messages.first { $0.id == id }?.delivery != .pending
            }
            let message = state.conversations[target]!.messages.first { $0.id == id }!
            if case .failed(let reason) = message.delivery {
                throw SessionError("not sent: \(reason)", status: ExitStatus.unavailable)
            }
            print("sent to \(target.jid?.description ?? target.description) (key \(message.serverKey ?? "?"))")
        }
    }

    /// `echo hi | natter send` sends "hi": the newline that ends a file's last line is not part of the message.
    /// Only that one goes; blank lines the text itself ends with stay.
    static func stripFinalNewline(_ text: String) -> String {
        if text.hasSuffix("\r\n") { return String(text.dropLast(2)) }
        // "\r\n" is one Character in Swift, so the check above must come first.
        if text.hasSuffix("\n") { return String(text.dropLast()) }
        return text
    }
}
