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
            case .offline(let reason?): throw SessionError(reason)
            case .reconnecting(_, _, let reason): throw SessionError("cannot reach the server: \(reason)")
            default: break
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                let detail = state.statusNotice.map { " (\($0.text))" } ?? ""
                throw SessionError("timed out after \(Int(timeout)) s waiting for \(what)\(detail)")
            }
            _ = changed.wait(timeout: .now() + min(remaining, 0.5))
        }
    }

    /// `bob`, `bob@natter.test` → a 1:1 chat; `room:lounge`, `#lounge` or a known room → that room.
    func resolveTarget(_ text: String) throws -> ConversationID {
        let state = engine.state
        if text.hasPrefix("room:") || text.hasPrefix("#") {
            return .room(try resolveRoom(String(text.drop { $0 != ":" && $0 != "#" }.dropFirst())))
        }
        guard let jid = JID(text, defaultDomain: state.domain(of: primaryAccount)) else {
            throw SessionError("'\(text)' is not a user or room address")
        }
        let room = ConversationID.room(jid, account: primaryAccount)
        return state.rooms[room] != nil ? room : .direct(jid, account: primaryAccount)
    }

    func resolveRoom(_ text: String) throws -> JID {
        let name = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let jid = JID(name, defaultDomain: engine.state.domain(of: primaryAccount)) else {
            throw SessionError("'\(text)' is not a room address")
        }
        return jid.bare
    }

    /// Prints errors as one clear line and exits non-zero, instead of a stack of Swift error dumps.
    static func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("natter: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
