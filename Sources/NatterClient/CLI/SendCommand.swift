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
                ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : text.joined(separator: " ")
            let session = try ClientSession.open(connection, interactive: false)
            defer { session.close() }
            try session.waitUntil(timeout: timeout, "login") { $0.account != nil && $0.connection.isOnline }
            let target = try session.resolveTarget(to)
            if case .room(let room) = target { session.engine.dispatch(.joinRoom(room)) }
            session.engine.dispatch(.send(text: body, to: target))
            let state = try session.waitUntil(timeout: timeout, "the server's ack") { state in
                guard let message = state.conversations[target]?.messages.last(where: \.isOutgoing) else {
                    return false
                }
                return message.delivery != .pending
            }
            let message = state.conversations[target]!.messages.last(where: \.isOutgoing)!
            if case .failed(let reason) = message.delivery { throw SessionError("not sent: \(reason)") }
            print("sent to \(target.jid?.description ?? target.description) (key \(message.serverKey ?? "?"))")
        }
    }
}
