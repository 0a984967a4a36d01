import ArgumentParser
import Foundation
import NatterEngine
import NatterModel
import Synchronization

/// `natter tail`: follows incoming messages on standard output until interrupted, like `tail -f` for chat.
struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tail", abstract: "Print messages as they arrive.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Only this room or channel (lounge, lounge@natter.test).")
    var channel: String?

    @Option(name: .long, help: "Stop after this many messages (default: run until interrupted).")
    var count: Int?

    func run() throws {
        try ClientSession.reportingErrors {
            let session = try ClientSession.open(connection, interactive: false)
            defer { session.close() }
            try session.waitUntil(timeout: 15, "login") { [account = session.primaryAccount] in
                $0.accounts[account]?.identity != nil && $0.accounts[account]?.isOnline == true
            }
            var filter: ConversationID?
            if let channel, let id = try Self.channel(named: channel, in: session) {
                filter = id
            } else if let channel {
                let account = try session.account(forAddress: channel)
                let room = try session.resolveRoom(channel, account: account)
                let id = ConversationID.room(room, account: account)
                filter = id
                session.engine.dispatch(.joinRoom(room, account: id.account))
                // Joining fetches the room's history; that is the past, not something to tail.
                try session.waitUntil(timeout: 15, "the room's history") { state in
                    state.rooms[id]?.joined == true && state.conversations[id]?.isLoadingHistory == false
                }
            }
            let printer = TailPrinter(filter: filter, limit: count)
            printer.skipExisting(session.engine.state)
            session.engine.observe { [engine = session.engine] in printer.print(newIn: engine.state) }
            printer.print(newIn: session.engine.state)
            printer.waitUntilDone()
        }
    }
}

extension TailCommand {
    /// A Channels channel by id or name, once the account's channel list is in; `nil` when none matches, and
    /// `--channel` then names a room.
    static func channel(named name: String, in session: ClientSession) throws -> ConversationID? {
        let account = session.primaryAccount
        guard session.engine.state.accounts[account]?.adapters[.channels] != nil else { return nil }
        try session.waitUntil(timeout: 15, "the channel list") { $0.accounts[account]?.isSynchronized == true }
        let wanted = String(name.trimmingPrefix("#")).lowercased()
        return session.engine.state.channels.first { id, channel in
            id.account == account && (id.address.lowercased() == wanted || channel.name.lowercased() == wanted)
        }?.key
    }
}

/// Prints each message once, in arrival order, sanitised: remote text must not drive the user's terminal.
final class TailPrinter: Sendable {
    private let filter: ConversationID?
    private let limit: Int?
    private let seen = Mutex<(ids: Set<String>, printed: Int)>(([], 0))
    private let done = DispatchSemaphore(value: 0)

    init(filter: ConversationID?, limit: Int?) {
        self.filter = filter
        self.limit = limit
    }

    func skipExisting(_ state: ClientState) {
        let ids = Set(state.conversations.values.flatMap { $0.messages.map(\.id) })
        seen.withLock { $0.ids = ids }
    }

    func print(newIn state: ClientState) {
        let candidates = state.conversations.values
            .filter { filter == nil || $0.id == filter }
            .flatMap { $0.messages.filter { !$0.isOutgoing } }
            .sorted { $0.timestamp < $1.timestamp }
        let lines: [String] = seen.withLock { seen in
            var lines: [String] = []
            for message in candidates where !seen.ids.contains(message.id) {
                seen.ids.insert(message.id)
                guard limit.map({ seen.printed < $0 }) ?? true else { continue }
                seen.printed += 1
                lines.append(Self.format(message, in: state))
            }
            return lines
        }
        // Written straight to the descriptor: a pipe (`natter tail | grep …`) gets each line as it happens, not
        // when a stdio buffer fills or the process exits.
        if !lines.isEmpty { FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8)) }
        if let limit, seen.withLock({ $0.printed >= limit }) { done.signal() }
    }

    func waitUntilDone() { done.wait() }

    static func format(_ message: Message, in state: ClientState) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        let place: String =
            switch message.conversation.target {
            case .direct: ""
            case .room(let room): "#\(room.local) "
            case .channel(let id): "#\(state.channels[message.conversation]?.name ?? id) "
            case .thread(let id), .conference(let id): "#\(id) "
            }
        let sender = TextSanitizer.line(message.senderName ?? state.displayName(of: message.sender))
        return "\(formatter.string(from: message.timestamp)) \(place)<\(sender)> \(TextSanitizer.message(message.text))"
    }
}
