import Foundation
import NatterEngine

extension InterfaceState {
    /// A second Ctrl+C this soon after the first quits; a single one never throws anything away.
    static let interruptQuitInterval: TimeInterval = 1

    /// Ctrl+C (SIGINT): clears the input line (the text goes to the kill buffer, so Ctrl+Y brings it back); on an
    /// empty line says how to quit. A second one within `interruptQuitInterval` quits: `quits` is then true.
    public mutating func interrupt(state: ClientState, now: Date) -> (quits: Bool, actions: [AppAction]) {
        defer { lastInterrupt = now }
        if let last = lastInterrupt, now.timeIntervalSince(last) >= 0,
            now.timeIntervalSince(last) < Self.interruptQuitInterval
        {
            return (true, [])
        }
        guard editor.isEmpty else {
            editor.kill(0..<editor.text.count)
            return (false, composing.stop(now: now).map { .dispatch($0) })
        }
        return (false, [.dispatch(.notice(.info("/quit quits (or Ctrl+C twice); Ctrl+C alone clears the input line")))])
    }
}
