import Foundation
import NatterEngine
import NatterModel

/// Rate-limits typing notifications: at most one "composing" per conversation every `refresh` seconds, and a
/// "stopped" when the line is sent, emptied, left, or idle for `idle` seconds.
struct ComposingTracker: Sendable, Equatable {
    var refresh: TimeInterval = 5
    var idle: TimeInterval = 10
    private(set) var target: ConversationID?
    private(set) var lastAnnounced: Date?
    private(set) var lastEdit: Date?

    var idleDeadline: Date? {
        guard target != nil, let lastEdit else { return nil }
        return lastEdit.addingTimeInterval(idle)
    }

    mutating func edited(text: String, in window: WindowID, now: Date) -> [Intent] {
        var intents: [Intent] = []
        guard let id = window.conversationID, id.jid != nil || id.kind == .conference, !text.hasPrefix("/") else {
            return stop(now: now)
        }
        if text.isEmpty { return stop(now: now) }
        if let target, target != id { intents += stop(now: now) }
        lastEdit = now
        if target != id || lastAnnounced.map({ now.timeIntervalSince($0) >= refresh }) ?? true {
            target = id
            lastAnnounced = now
            intents.append(.composing(id, true))
        }
        return intents
    }

    mutating func stop(now: Date) -> [Intent] {
        guard let target else { return [] }
        self.target = nil
        lastAnnounced = nil
        lastEdit = nil
        return [.composing(target, false)]
    }

    mutating func tick(now: Date) -> [Intent] {
        guard let deadline = idleDeadline, now >= deadline else { return [] }
        return stop(now: now)
    }
}
