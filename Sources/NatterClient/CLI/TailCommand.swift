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

    @Flag(name: .long, help: "One JSON object per message and line: time, conversation, kind, from, name, text.")
    var json = false

    func run() throws {
        try ClientSession.reportingErrors {
            let started = Date()
            let session = try ClientSession.open(connection, interactive: false)
            defer { session.close() }
            // Synchronized: the room list is in, so `--channel` can be checked against it.
            try session.waitUntil(timeout: 15, "login") { [account = session.primaryAccount] in
                $0.accounts[account]?.isSynchronized == true
            }
            var filter: ConversationID?
            if let channel, let id = try Self.channel(named: channel, in: session) {
                filter = id
            } else if let channel {
                let account = try session.account(forAddress: channel)
                let room = try session.resolveRoom(channel, account: account)
                let id = ConversationID.room(room, account: account)
                // Waiting on a room that does not exist would wait forever, silently.
                let known = session.engine.state.rooms
                guard known[id] != nil else {
                    let names = known.keys.filter { $0.account == account }.compactMap(\.jid?.local).sorted()
                    throw SessionError(
                        "there is no room '\(channel)'"
                            + (names.isEmpty ? "" : "; rooms: " + names.joined(separator: ", ")),
                        status: ExitStatus.usage)
                }
                filter = id
                session.engine.dispatch(.joinRoom(room, account: id.account))
                // Joining fetches the room's history; that is the past, not something to tail.
                try session.waitUntil(timeout: 15, "the room's history") { state in
                    state.rooms[id]?.joined == true && state.conversations[id]?.isLoadingHistory == false
                }
            }
            let printer = TailPrinter(filter: filter, limit: count, json: json)
            printer.skipExisting(session.engine.state, sentBefore: started)
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
    private let json: Bool
    private let seen = Mutex<(ids: Set<String>, printed: Int)>(([], 0))
    private let done = DispatchSemaphore(value: 0)

    init(filter: ConversationID?, limit: Int?, json: Bool = false) {
        self.filter = filter
        self.limit = limit
        self.json = json
    }

    /// Marks the past as printed: history and what arrived while away. A message sent after `start` is news even
    /// when it came in while the other adapters were still signing in.
    func skipExisting(_ state: ClientState, sentBefore start: Date) {
        let ids = Set(state.conversations.values.flatMap { $0.messages.filter { $0.timestamp < start }.map(\.id) })
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
                lines.append(json ? Self.json(message, in: state) : Self.format(message, in: state))
            }
            return lines
        }
        // Written straight to the descriptor: a pipe (`natter tail | grep …`) gets each line as it happens, not
        // when a stdio buffer fills or the process exits.
        if !lines.isEmpty { FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8)) }
        if let limit, seen.withLock({ $0.printed >= limit }) { done.signal() }
    }

    func waitUntilDone() { done.wait() }

    /// Marks every line of a record after the first. A record's first line starts with its time, a digit, so no
    /// text a peer sends can start a line that passes for a new message.
    static let continuation = "  | "

    /// `12:00:00 @bob@natter.test <Bob> text` for a 1:1 chat, `12:00:00 #lounge <Bob> text` for a room; every
    /// further line of the text starts with `continuation`.
    static func format(_ message: Message, in state: ClientState) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        let place: String =
            switch message.conversation.target {
            case .direct(let peer): "@\(peer.bareString)"
            case .room(let room): "#\(room.local)"
            case .channel(let id): "#\(TextSanitizer.line(state.channels[message.conversation]?.name ?? id))"
            case .thread(let id), .conference(let id): "#\(TextSanitizer.line(id))"
            }
        let sender = TextSanitizer.line(message.senderName ?? state.displayName(of: message.sender))
        let lines = TextSanitizer.message(message.text).split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.map { TextSanitizer.line(String($0)) }.joined(separator: "\n" + continuation)
        return "\(formatter.string(from: message.timestamp)) \(place) <\(sender)> \(body)"
    }

    /// One line of JSON: the text keeps its newlines, escaped, so one message is always one line.
    static func json(_ message: Message, in state: ClientState) -> String {
        let conversation: String =
            switch message.conversation.target {
            case .direct(let peer): peer.bareString
            case .room(let room): room.bareString
            case .channel(let id), .thread(let id), .conference(let id): id
            }
        let object: [String: Any] = [
            "time": ISO8601DateFormatter().string(from: message.timestamp),
            "account": message.conversation.account.rawValue,
            "conversation": conversation,
            "kind": message.conversation.kind.rawValue,
            "from": message.sender.bareString,
            "name": message.senderName ?? state.displayName(of: message.sender),
            "text": message.text,
            "key": message.serverKey ?? message.id,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
