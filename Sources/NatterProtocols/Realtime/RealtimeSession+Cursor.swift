import NatterEngine
import NatterModel

extension RealtimeSession {
    /// Realtime keys are decimal strings that grow, zero-padded or not; compare them as numbers.
    static func isNewer(_ key: String, than other: String) -> Bool {
        let (left, right) = (key.drop { $0 == "0" }, other.drop { $0 == "0" })
        return (left.count, left) > (right.count, right)
    }

    mutating func advanceCursor(to key: String) {
        if let newestKey, !Self.isNewer(key, than: newestKey) { return }
        newestKey = key
    }

    /// Moves the cursor past every key the events carry and, when it moved, reports it first: the engine must know
    /// the new cursor before it handles a caught-up page and asks for the next one.
    mutating func noteCursor(in actions: inout Actions) {
        let before = newestKey
        for event in actions.events {
            switch event {
            case .chat(.received(let message)):
                if let key = message.serverKey { advanceCursor(to: key) }
            case .chat(.acked(_, let key?, _)):
                advanceCursor(to: key)
            case .chat(.caughtUp(let messages, _)), .chat(.historyLoaded(_, let messages, _)):
                for case let key? in messages.map(\.serverKey) { advanceCursor(to: key) }
            default:
                break
            }
        }
        if let newestKey, newestKey != before {
            actions.events.insert(.session(.resumeCursor(ResumeCursor(newestKey))), at: 0)
        }
    }
}
