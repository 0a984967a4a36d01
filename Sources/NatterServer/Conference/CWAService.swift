import Foundation
import Logging
import NatterCodecs
import NatterModel

/// What a CWA HTTP exchange answers, before it becomes a Hummingbird response.
struct CWAReply: Sendable {
    enum Body: Sendable {
        case responses(CWAResponses)
        case events(CWAEvents)
    }

    var status: Int
    var ticket: String?
    var body: Body

    static func refusal(_ status: Int, _ error: CWAError, ticket: String? = nil) -> CWAReply {
        CWAReply(status: status, ticket: ticket, body: .responses(CWAResponses(responses: [.error(error)])))
    }
}

/// Turns CWA documents into core calls: sign-in, the event session, and the conference requests.
struct CWAService: Sendable {
    let core: HubService
    let authenticator: Authenticator
    let sessions: CWASessions
    let encoder: CWAEventEncoder
    let policy: CWASessionStateMachine.Policy
    let pollWait: Duration
    let logCapacity: Int
    let logger: Logger
    /// Where conference ids come from; they outlive the process.
    let ids: ConferenceIDs

    var clock: any ServerClock { core.clock }

    var pollWaitMilliseconds: Int {
        Int(pollWait.components.seconds * 1000 + pollWait.components.attoseconds / 1_000_000_000_000_000)
    }

    /// A `POST` to `MainCommandHandler.ashx`: a logon, or commands under a ticket.
    func command(_ document: CWARequests, ticket: String?) async -> CWAReply {
        if case .logon(let rid, let user, let password) = document.requests.first {
            guard document.requests.count == 1 else {
                return .refusal(
                    400, CWAError(rid: rid, code: "invalidRequest", reason: "a logon must be the only request"))
            }
            return await logon(rid: rid, user: user, password: password)
        }
        guard let ticket, let session = sessions.session(ticket: ticket) else {
            return .refusal(401, CWAError(rid: nil, code: "unknownTicket", reason: "unknown or expired ticket"))
        }
        switch session.command(ticket: ticket, sid: document.sid, now: clock.now(), fresh: CWASessions.token()) {
        case .rejected(let error):
            return .refusal(401, error)
        case .accepted(let retired):
            sessions.rotated(session, retired: retired)
        }
        var responses: [CWAResponse] = []
        for request in document.requests {
            responses.append(await perform(request, in: session))
        }
        return CWAReply(status: 200, ticket: session.ticket, body: .responses(CWAResponses(responses: responses)))
    }

    private func logon(rid: String?, user name: String, password: String) async -> CWAReply {
        let refusal = CWAReply.refusal(
            401, CWAError(rid: rid, code: "authenticationFailed", reason: "invalid user name or password"))
        let address = CWAEventEncoder.address(of: name) ?? name
        guard let user = try? await authenticator.authenticate(user: address, password: password) else {
            logger.info("CWA logon failed", metadata: ["user": "\(name)"])
            return refusal
        }
        let session = CWASession(
            user: user, ticket: CWASessions.token(), now: clock.now(), policy: policy, encoder: encoder,
            logCapacity: logCapacity
        ) { [sessions, core] session in
            guard sessions.remove(session) else { return }
            Task { await CWAService.end(session, core: core) }
        }
        sessions.add(session)
        logger.info("CWA logon", metadata: ["user": "\(user.name)"])
        let accepted = CWARequestAccepted(rid: rid ?? "0", uri: encoder.uri(user.name))
        return CWAReply(
            status: 200, ticket: session.ticket, body: .responses(CWAResponses(responses: [.requestAccepted(accepted)]))
        )
    }

    private func perform(_ request: CWARequest, in session: CWASession) async -> CWAResponse {
        switch session.request(request, newSid: CWASessions.token()) {
        case .reply(let response):
            return response
        case .startEventSession(let rid, let sid):
            do {
                let id = await core.hub.makeSessionID()
                let attached = try await core.attach(
                    user: session.user, resource: "cwa-\(sid.prefix(8))", id: id, subscriber: session)
                session.attached(attached)
                sessions.started(session, sid: sid)
                try await core.joinPresence(for: attached)
            } catch {
                return .error(CWAError(rid: rid, code: "serverError", reason: "\(error)"))
            }
            return .requestAccepted(
                CWARequestAccepted(
                    rid: rid, sid: sid, uri: encoder.uri(session.user.name), pollWaitTime: pollWaitMilliseconds))
        case .conference(let conference):
            guard let hubSession = session.hubSession else {
                return .error(CWAError(rid: conference.rid, code: "noSession", reason: "send initiateSession first"))
            }
            do throws(ConferenceError) {
                return try await self.conference(conference, session: hubSession)
            } catch {
                return .error(CWAError(rid: conference.rid, code: error.code, reason: error.text))
            }
        }
    }

    /// A `GET` of `AsyncDataChannel.ashx`: everything after `AckId`, at once or after the poll wait.
    func poll(sid: String?, ackId: String?, ticket: String?) async -> CWAReply {
        guard let sid, let session = sessions.session(sid: sid) else {
            return .refusal(404, CWAError(rid: nil, code: "unknownSession", reason: "unknown or expired session"))
        }
        guard let ticket else {
            return .refusal(401, CWAError(rid: nil, code: "unknownTicket", reason: "the CWA-Ticket header is missing"))
        }
        if let error = session.authorizePoll(ticket: ticket, now: clock.now()) { return .refusal(401, error) }
        guard let ack = Int(ackId ?? "0") else {
            return .refusal(400, CWAError(rid: nil, code: "invalidRequest", reason: "AckId must be a number"))
        }
        let result = await session.poll(ackId: ack, wait: pollWait, clock: clock)
        session.touch(now: clock.now())
        switch result {
        case .refused(let error):
            return .refusal(error.code == "unknownSession" ? 404 : 400, error, ticket: session.ticket)
        case .answered(let answer):
            let events = CWAEvents(
                sid: sid, ackId: answer.ackId, pollWaitTime: pollWaitMilliseconds, events: answer.events)
            return CWAReply(status: 200, ticket: session.ticket, body: .events(events))
        }
    }

    /// Ends sessions nobody used for too long.
    func sweep() async {
        for session in sessions.removeExpired(now: clock.now()) {
            logger.info("CWA session expired", metadata: ["user": "\(session.user.name)"])
            await Self.end(session, core: core)
        }
    }

    static func end(_ session: CWASession, core: HubService) async {
        guard let hubSession = session.end() else { return }
        await core.detach(hubSession)
        await core.hub.leaveConferencesIfGone(hubSession.user.name)
    }
}
