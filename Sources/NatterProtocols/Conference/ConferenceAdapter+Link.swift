import Foundation
import NatterCodecs
import NatterEngine
import NatterTransport

extension ConferenceAdapter {
    /// One sign-in from logon to its end, run by the supervisor on its link thread: it returns or throws when the
    /// session is gone, and the supervisor decides whether and when to sign in again.
    func serveOneSession(_ link: LinkSupervisor.Link) throws {
        let logon = shared.withLock {
            $0.session.logon(user: configuration.user, password: configuration.password)
        }
        let logonAnswer = try exchange(logon)
        try shared.withLock { try $0.session.loggedOn(logonAnswer) }
        let started = try exchange(shared.withLock { $0.session.initiateSession() })
        let events = try shared.withLock { try $0.session.sessionStarted(started) }
        link.connected()
        emit(events)
        try pollUntilStopped()
    }

    /// Keeps one poll outstanding. The server holds a poll up to `PollWaitTime`; one that comes back empty sooner
    /// is followed only after the rest of that time, so a server that does not hold polls is not hammered.
    private func pollUntilStopped() throws {
        while !isStopped {
            let (url, wait) = shared.withLock {
                ($0.session.pollURL(base: configuration.eventURL), $0.session.pollWait)
            }
            let began = ContinuousClock.now
            let response = try send(
                HTTPRequest(method: .get, url: url, headers: ticketHeaders(), timeout: wait + configuration.pollGrace))
            if isStopped { return }
            try checkSession(response)
            let document: CWAEvents
            do {
                document = try CWAEvents(bytes: response.body)
            } catch {
                throw ConferenceAdapterError.server("unreadable events: \(error)")
            }
            let events = shared.withLock { $0.session.events(document, now: Date()) }
            emit(events)
            let elapsed = ContinuousClock.now - began
            if document.events.isEmpty, elapsed < wait {
                let milliseconds = Int((wait - elapsed) / .milliseconds(1))
                _ = wakeUp.wait(timeout: .now() + .milliseconds(milliseconds))
            }
        }
    }

    /// Posts a command document from the writer queue; its answer (or its loss) becomes engine events.
    func post(_ document: CWARequests) {
        guard !isStopped else { return }
        do {
            let answer = try exchange(document)
            emit(shared.withLock { $0.session.answered(answer, now: Date()) })
        } catch {
            emit(shared.withLock { $0.session.unanswered(document, reason: String(describing: error), now: Date()) })
        }
    }

    /// One `POST` and its `<cwaResponses>`; follows a rotated ticket.
    private func exchange(_ document: CWARequests) throws -> CWAResponses {
        let body: [UInt8]
        do {
            body = try document.serialized()
        } catch {
            throw ConferenceAdapterError.server("cannot encode the request: \(error)")
        }
        var headers = ticketHeaders()
        headers.add("Content-Type", "text/xml; charset=utf-8")
        let response = try send(
            HTTPRequest(method: .post, url: configuration.commandURL, headers: headers, body: body))
        let responses: CWAResponses
        do {
            responses = try CWAResponses(bytes: response.body)
        } catch {
            throw ConferenceAdapterError.server("HTTP \(response.status): unreadable answer")
        }
        if response.status == 401, let refusal = responses.responses.compactMap(\.refusal).first {
            let isLogon = document.requests.contains { if case .logon = $0 { true } else { false } }
            throw isLogon ? ConferenceAdapterError.authFailed(refusal.reason) : .sessionLost(refusal.reason)
        }
        return responses
    }

    private func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let token = HTTPCancellationToken()
        let key = ObjectIdentifier(token)
        shared.withLock { $0.inFlight[key] = token }
        defer { shared.withLock { $0.inFlight[key] = nil } }
        if isStopped { token.cancel() }
        let response = try http.perform(request, cancellation: token)
        if response.isSuccess {
            shared.withLock { $0.session.follow(ticket: response.headers["CWA-Ticket"]) }
        }
        return response
    }

    private func ticketHeaders() -> HTTPHeaders {
        var headers: HTTPHeaders = [:]
        if let ticket = shared.withLock({ $0.session.ticket }) { headers.add("CWA-Ticket", ticket) }
        return headers
    }

    /// A poll the server refuses means our session is gone (expired, or the server restarted).
    private func checkSession(_ response: HTTPResponse) throws {
        guard !response.isSuccess else { return }
        let reason =
            (try? CWAResponses(bytes: response.body))?.responses.compactMap(\.refusal).first?.reason
            ?? "HTTP \(response.status)"
        throw ConferenceAdapterError.sessionLost(reason)
    }
}
