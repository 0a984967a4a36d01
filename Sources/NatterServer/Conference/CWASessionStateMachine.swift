import Foundation
import NatterCodecs

/// One CWA sign-in: its ticket (rotated as requests go by), its event session id once `initiateSession`
/// made one, and how long it may stay idle. Pure: inputs are the requests, the ticket and sid they carry and
/// the time; the shell performs the actions.
struct CWASessionStateMachine: Sendable {
    struct Policy: Sendable {
        /// Every so many commands the server hands out a new ticket; the one before stays valid until the next
        /// rotation, so a request already in flight with it still gets through.
        var rotateEvery = 8
        /// A session with no command and no poll for this long is over; its ticket and sid are refused.
        var idleTimeout: TimeInterval = 120
    }

    enum Authorization: Sendable, Equatable {
        /// `retired` is a ticket no longer valid, for the registry to forget.
        case accepted(retired: String?)
        case rejected(CWAError)
    }

    enum RequestAction: Sendable, Equatable {
        case reply(CWAResponse)
        /// Attach to the core and answer `requestAccepted` with `sid`.
        case startEventSession(rid: String, sid: String)
        case conference(CWAConferenceRequest)
    }

    let user: String
    let policy: Policy
    private(set) var ticket: String
    private(set) var previousTicket: String?
    private var commandsOnTicket = 0
    private(set) var sid: String?
    private var lastActive: Date

    init(user: String, ticket: String, now: Date, policy: Policy = Policy()) {
        self.user = user
        self.ticket = ticket
        self.policy = policy
        lastActive = now
    }

    func holds(ticket candidate: String) -> Bool { candidate == ticket || candidate == previousTicket }

    func isExpired(now: Date) -> Bool { now.timeIntervalSince(lastActive) > policy.idleTimeout }

    /// A command document arrives. `fresh` is the ticket to switch to if a rotation is due.
    mutating func command(ticket presented: String, sid: String?, now: Date, fresh: String) -> Authorization {
        guard holds(ticket: presented), !isExpired(now: now) else {
            return .rejected(CWAError(rid: nil, code: "unknownTicket", reason: "unknown or expired ticket"))
        }
        if let sid, sid != self.sid {
            return .rejected(CWAError(rid: nil, code: "unknownSession", reason: "unknown session \(sid)"))
        }
        lastActive = now
        commandsOnTicket += 1
        guard commandsOnTicket >= policy.rotateEvery else { return .accepted(retired: nil) }
        let retired = previousTicket
        previousTicket = ticket
        ticket = fresh
        commandsOnTicket = 0
        return .accepted(retired: retired)
    }

    /// An event poll arrives (or ends: both keep the session alive).
    mutating func poll(ticket presented: String, now: Date) -> CWAError? {
        guard holds(ticket: presented), !isExpired(now: now) else {
            return CWAError(rid: nil, code: "unknownTicket", reason: "unknown or expired ticket")
        }
        lastActive = now
        return nil
    }

    mutating func touch(now: Date) { lastActive = max(lastActive, now) }

    /// What to do with one request of an accepted document; `newSid` is used if this starts the event session.
    mutating func request(_ request: CWARequest, newSid: String) -> RequestAction {
        switch request {
        case .logon(let rid, _, _):
            return .reply(.error(CWAError(rid: rid, code: "invalidRequest", reason: "already signed in")))
        case .initiateSession(let rid):
            if let sid { return .reply(.requestAccepted(CWARequestAccepted(rid: rid, sid: sid))) }
            sid = newSid
            return .startEventSession(rid: rid, sid: newSid)
        case .conference(let conference):
            guard sid != nil else {
                return .reply(
                    .error(CWAError(rid: conference.rid, code: "noSession", reason: "send initiateSession first")))
            }
            return .conference(conference)
        }
    }
}
