import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

/// The conference protocol's pure state: sign-in, ticket, event session, what each `rid` asked for, and what
/// the adapter knows of each conference. Commands become `<cwaRequests>`; answers and events become engine events.
public struct ConferenceSession: Sendable {
    enum Pending: Sendable, Equatable {
        case start(subject: String, with: [JID], message: String)
        case send(localID: String, conference: String)
        case other(String)
    }

    struct Conference: Sendable, Equatable {
        var subject: String?
        var participants: [JID] = []
    }

    public let domain: String
    public private(set) var ticket: String?
    public private(set) var sid: String?
    public private(set) var ackId = 0
    /// The server's `PollWaitTime`: how long it holds a poll, and the least time between two polls.
    public private(set) var pollWait: Duration = .seconds(3)
    public private(set) var me: JID?
    private var rid = 0
    private var received = 0
    var pending: [String: Pending] = [:]
    var conferences: [String: Conference] = [:]

    public init(domain: String) { self.domain = domain }

    private mutating func nextRid() -> String {
        rid += 1
        return String(rid)
    }

    /// A new sign-in forgets the old ticket, session and acknowledgements; what we know of conferences stays.
    public mutating func logon(user: String, password: String) -> CWARequests {
        ticket = nil
        sid = nil
        ackId = 0
        pending = [:]
        let address = user.contains("@") ? user : "\(user)@\(domain)"
        return CWARequests(requests: [.logon(rid: nextRid(), user: "sip:" + address, password: password)])
    }

    /// The server may hand out a new ticket on any answer; the next request carries it.
    public mutating func follow(ticket: String?) {
        if let ticket, !ticket.isEmpty { self.ticket = ticket }
    }

    public mutating func loggedOn(_ responses: CWAResponses) throws(ConferenceAdapterError) {
        if let refusal = responses.responses.compactMap(\.refusal).first {
            throw .authFailed(refusal.reason)
        }
        guard ticket != nil else { throw .server("the logon answer carries no CWA-Ticket") }
    }

    public mutating func initiateSession() -> CWARequests {
        CWARequests(requests: [.initiateSession(rid: nextRid())])
    }

    /// The event session is open: we know who we are and how long polls last.
    public mutating func sessionStarted(_ responses: CWAResponses) throws(ConferenceAdapterError) -> [EngineEvent] {
        guard case .requestAccepted(let accepted)? = responses.responses.first, let sid = accepted.sid else {
            let reason = responses.responses.compactMap(\.refusal).first?.reason ?? "no sid in the answer"
            throw .server("initiateSession refused: \(reason)")
        }
        self.sid = sid
        if let milliseconds = accepted.pollWaitTime { pollWait = .milliseconds(milliseconds) }
        let me = accepted.uri.flatMap(Self.jid) ?? JID(local: "me", domain: domain)
        self.me = me
        return [.session(.authenticated(me)), .session(.synchronized)]
    }

    public func pollURL(base: String) -> String {
        "\(base)?Sid=\(sid ?? "")&AckId=\(ackId)"
    }

    /// A command as a document to post, or nil when it is not this protocol's or the session is not open.
    public mutating func outgoing(_ command: AdapterCommand) -> CWARequests? {
        guard sid != nil, let request = request(for: command) else { return nil }
        let rid = nextRid()
        pending[rid] = request.pending
        return CWARequests(
            sid: sid,
            requests: [.conference(CWAConferenceRequest(rid: rid, confId: request.confId, action: request.action))])
    }

    private func request(
        for command: AdapterCommand
    ) -> (confId: String, action: CWAConferenceRequest.Action, pending: Pending)? {
        switch command {
        case .conferences(.start(let subject, let with, let message)):
            return (
                "0",
                .initiateImSession(uris: with.map(Self.uri), message: Self.message(message), subject: subject),
                .start(subject: subject, with: with, message: message)
            )
        case .conferences(.invite(let conference, let user)):
            return (conference, .inviteParticipants(uris: [Self.uri(user)]), .other("inviting \(user.bare)"))
        case .conferences(.eject(let conference, let user)):
            return (conference, .ejectParticipant(uri: Self.uri(user)), .other("ejecting \(user.bare)"))
        case .conferences(.accept(let conference)):
            return (conference, .acceptImSession, .other("accepting the invitation"))
        case .conferences(.decline(let conference)), .conferences(.leave(let conference)):
            return (conference, .terminateImSession, .other("leaving"))
        case .chat(.send(let localID, let to, let text)):
            guard case .conference(let conference) = to.target else { return nil }
            return (conference, .sendMessage(Self.message(text)), .send(localID: localID, conference: conference))
        case .chat(.typing(let to, let composing)):
            guard case .conference(let conference) = to.target else { return nil }
            return (conference, .notifyComposing(composing ? .composing : .idle), .other("typing"))
        default:
            return nil
        }
    }

    /// Our messages say what they look like: Natter's plain default.
    static func message(_ text: String) -> CWAMessage {
        CWAMessage(contentType: "text/plain", content: text, imFormat: .natterDefault)
    }

    static func uri(_ jid: JID) -> String { "sip:" + jid.bareString }

    static func jid(_ uri: String) -> JID? {
        let address = uri.lowercased().hasPrefix("sip:") ? String(uri.dropFirst(4)) : uri
        return JID(address)
    }

    /// Counts what we received, for message ids unique within this client.
    mutating func nextReceived() -> Int {
        received += 1
        return received
    }

    mutating func acknowledge(_ ackId: Int) { self.ackId = ackId }
}

extension CWAResponse {
    var refusal: CWAError? {
        if case .error(let error) = self { return error }
        return nil
    }
}
