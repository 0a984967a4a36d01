import ArgumentParser
import Foundation
import NatterEngine
import NatterModel

extension ClientSession {
    /// Blocks until the engine's state satisfies `condition`, failing early with the reason when login is refused.
    @discardableResult
    func waitUntil(
        timeout: Double, _ what: String, _ condition: @escaping @Sendable (ClientState) -> Bool
    ) throws
        -> ClientState
    {
        let changed = DispatchSemaphore(value: 0)
        let token = engine.observe { changed.signal() }
        defer { engine.removeObserver(token) }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let state = engine.state
            if condition(state) { return state }
            // Scripts want an answer, not a retry loop: the first failed attempt ends the wait.
            switch state.accounts[primaryAccount]?.connection ?? .offline(reason: "no account \(primaryAccount)") {
            case .offline(let reason?): throw SessionError.connection(reason)
            case .reconnecting(_, _, let reason):
                throw SessionError("cannot reach the server: \(reason)", status: ExitStatus.unavailable)
            default: break
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                let detail = state.statusNotice.map { " (\($0.text))" } ?? ""
                throw SessionError(
                    "timed out after \(Int(timeout)) s waiting for \(what)\(detail)", status: ExitStatus.unavailable)
            }
            _ = changed.wait(timeout: .now() + min(remaining, 0.5))
        }
    }

    /// `bob`, `bob@natter.test` → a 1:1 chat; `room:lounge`, `#lounge` or a known room → that room; on `account`.
    func resolveTarget(_ text: String, account: AccountID) throws -> ConversationID {
        let state = engine.state
        if text.hasPrefix("room:") || text.hasPrefix("#") {
            let name = String(text.drop { $0 != ":" && $0 != "#" }.dropFirst())
            return .room(try resolveRoom(name, account: account), account: account)
        }
        // A display name, as the TUI's /msg takes it: "Bob Martin" → bob@natter.test.
        let domain = state.domain(of: account)
        if !text.contains("@"), state.contacts[JID(local: text.lowercased(), domain: domain)] == nil,
            let contact = state.contacts.values.first(where: {
                $0.displayName.caseInsensitiveCompare(text) == .orderedSame
                    && ($0.sources.isEmpty || $0.accounts.contains(account))
            })
        {
            return .direct(contact.jid, account: account)
        }
        if !text.contains("@"),
            let room = state.rooms.first(where: {
                $0.key.account == account && $0.value.name.caseInsensitiveCompare(text) == .orderedSame
            })
        {
            return room.key
        }
        guard let jid = JID(text, defaultDomain: state.domain(of: account)) else {
            throw SessionError("'\(text)' is not a user or room address", status: ExitStatus.usage)
        }
        let room = ConversationID.room(jid, account: account)
        return state.rooms[room] != nil ? room : .direct(jid, account: account)
    }

    func resolveRoom(_ text: String, account: AccountID) throws -> JID {
        let name = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let jid = JID(name, defaultDomain: engine.state.domain(of: account)) else {
            throw SessionError("'\(text)' is not a room address", status: ExitStatus.usage)
        }
        return jid.bare
    }

    /// The account a script's message to `address` goes out on: the only one started, else the one whose domain
    /// the address names (`bob@a.test` on the a.test account); anything else needs `--account NAME`.
    func account(forAddress address: String) throws -> AccountID {
        let started = accounts.filter(\.enabled)
        guard started.count > 1 else { return primaryAccount }
        let domain = address.split(separator: "@", maxSplits: 1).dropFirst().first.map(String.init)
        let matching = started.filter { $0.domain == domain }
        guard matching.count == 1, let only = matching.first else {
            throw SessionError("\(SelectionError.ambiguous(started.map(\.id.rawValue)))", status: ExitStatus.usage)
        }
        return only.id
    }

    /// Prints errors as one clear line and exits non-zero, instead of a stack of Swift error dumps.
    static func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("natter: \(error)\n".utf8))
            throw ExitStatus.of(error)
        }
    }
}
