import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

extension ConferenceSession {
    /// The answer to posted commands: acks and failures of sends, the id of a conference we started, refusals.
    public mutating func answered(_ responses: CWAResponses, now: Date) -> [EngineEvent] {
        var events: [EngineEvent] = []
        for response in responses.responses {
            if let rid = response.rid, let pending = pending.removeValue(forKey: rid) {
                events += answered(response, to: pending, now: now)
            } else if let refusal = response.refusal {
                events.append(.session(.notice(.error("conference: \(refusal.reason)"))))
            }
        }
        return events
    }

    /// A post that got no answer at all: what it carried failed.
    public mutating func unanswered(_ document: CWARequests, reason: String, now: Date) -> [EngineEvent] {
        var events: [EngineEvent] = []
        for rid in document.requests.compactMap(\.rid) {
            guard let pending = pending.removeValue(forKey: rid) else { continue }
            events += answered(.error(CWAError(rid: rid, reason: reason)), to: pending, now: now)
        }
        return events
    }

    private mutating func answered(_ response: CWAResponse, to pending: Pending, now: Date) -> [EngineEvent] {
        switch (pending, response) {
        case (.send(let localID, _), .requestAccepted):
            return [.chat(.acked(localID: localID, serverKey: nil, timestamp: nil))]
        case (.send(let localID, _), .error(let error)):
            return [.chat(.failed(localID: localID, reason: error.reason))]
        case (.start(let subject, _, let message), .requestAccepted(let accepted)):
            guard let confId = accepted.imSessionAccepted?.confId, let me else {
                return [.session(.notice(.error("the server started a conference but gave no id")))]
            }
            conferences[confId] = Conference(subject: subject, participants: [me])
            let opening = Message(
                id: "cwa-\(confId)-opening", conversation: .conference(confId), sender: me, text: message,
                timestamp: now, isOutgoing: true, delivery: .sent)
            return [
                .conferences(.started(id: confId, subject: subject, participants: [me])),
                .chat(.received(opening)),
            ]
        case (.start(let subject, _, _), .error(let error)):
            return [.session(.notice(.error("conference \"\(subject)\" refused: \(error.reason)")))]
        case (.other, .requestAccepted):
            return []
        case (.other(let what), .error(let error)):
            return [.session(.notice(.error("conference: \(what) refused: \(error.reason)")))]
        }
    }

    /// One long poll's answer; the next poll acknowledges it.
    public mutating func events(_ document: CWAEvents, now: Date) -> [EngineEvent] {
        acknowledge(document.ackId)
        var events: [EngineEvent] = []
        for event in document.events { events += self.event(for: event, now: now) }
        return events
    }

    private mutating func event(for event: CWAConferenceEvent, now: Date) -> [EngineEvent] {
        let confId = event.confId
        let id = ConversationID.conference(confId)
        switch event.kind {
        case .imSessionReceived(let sender, let participants, let subject, let message):
            let from = Self.jid(sender) ?? JID(local: sender, domain: domain)
            var known = participants.compactMap(Self.jid)
            if !known.contains(from) { known.insert(from, at: 0) }
            conferences[confId] = Conference(subject: subject, participants: known)
            return [
                .conferences(
                    .invited(
                        ConferenceInvitation(
                            conference: confId, from: from, subject: subject, message: message.content,
                            participants: known)))
            ]
        case .imSessionState(.connected):
            var conference = conferences[confId] ?? Conference()
            if let me, !conference.participants.contains(me) { conference.participants.append(me) }
            conferences[confId] = conference
            return [
                .conferences(
                    .started(
                        id: confId, subject: conference.subject ?? "conference \(confId)",
                        participants: conference.participants))
            ]
        case .imSessionState(.terminated):
            conferences[confId] = nil
            return [.conferences(.ended(confId))]
        case .imSessionState(.connecting), .imSessionState(.incoming):
            return []
        case .messageReceived(let sender, let message):
            guard let from = Self.jid(sender) else { return [] }
            let number = nextReceived()
            return [
                .chat(.typing(id, from, false)),
                .chat(
                    .received(
                        Message(
                            id: "cwa-\(sid ?? "")-\(number)", conversation: id, sender: from,
                            text: message.content, timestamp: now, isOutgoing: from == me,
                            style: message.imFormat?.messageStyle))),
            ]
        case .composingState(let sender, let state):
            guard let from = Self.jid(sender) else { return [] }
            return [.chat(.typing(id, from, state == .composing))]
        case .participant(let uri, let state):
            guard let user = Self.jid(uri) else { return [] }
            var conference = conferences[confId] ?? Conference()
            conference.participants.removeAll { $0 == user }
            if state == .joined { conference.participants.append(user) }
            conferences[confId] = conference
            return [.conferences(.participant(conference: confId, user, joined: state == .joined))]
        }
    }
}
