import NatterCodecs

/// The conference requests inside `<conference confId rid>`, each one core call.
extension CWAService {
    func conference(
        _ request: CWAConferenceRequest, session: HubSession
    ) async throws(ConferenceError) -> CWAResponse {
        let accepted = CWAResponse.requestAccepted(CWARequestAccepted(rid: request.rid))
        if case .initiateImSession(let uris, let message, let subject) = request.action {
            let invitees = try addresses(uris)
            let id = try await core.startConference(
                id: try await conferenceID(), inviting: invitees, subject: subject,
                message: CWAEventEncoder.text(message),
                from: session)
            let confId = String(id)
            return .requestAccepted(
                CWARequestAccepted(
                    rid: request.rid, imSessionAccepted: CWAImSessionAccepted(rid: request.rid, confId: confId)))
        }
        guard let id = Int(request.confId), id > 0 else { throw .unknownConference(0) }
        switch request.action {
        case .initiateImSession:
            break
        case .sendMessage(let message):
            try await core.sendToConference(id, CWAEventEncoder.text(message), from: session)
        case .notifyComposing(let state):
            try await core.composingInConference(id, isComposing: state == .composing, session: session)
        case .inviteParticipants(let uris):
            try await core.inviteToConference(id, addresses: try addresses(uris), from: session)
        case .ejectParticipant(let uri):
            try await core.ejectFromConference(id, address: try addresses([uri])[0], session: session)
        case .acceptImSession:
            try await core.acceptConference(id, session: session)
        case .terminateImSession:
            try await core.leaveConference(id, session: session)
        }
        return accepted
    }

    /// A fresh id from the database; if it cannot be written the conference is refused rather than given an id
    /// that may repeat one a client still remembers.
    private func conferenceID() async throws(ConferenceError) -> Int {
        do {
            return try await ids.next()
        } catch {
            logger.error("conference ids: \(error)")
            throw .serverError
        }
    }

    private func addresses(_ uris: [String]) throws(ConferenceError) -> [String] {
        var addresses: [String] = []
        for uri in uris {
            guard let address = CWAEventEncoder.address(of: uri) else { throw .invalidURI(uri) }
            addresses.append(address)
        }
        return addresses
    }
}
