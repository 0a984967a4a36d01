/// The demo users in conferences: they accept an invitation, say hello in their own format, and the first of
/// them in a conference answers what real users say there, so `natter --demo` shows the whole flow.
extension DemoPeer {
    /// How each demo user dresses their conference messages (`X-MMS-IM-Format`, colour in blue-green-red).
    static let conferenceFormats = [
        DemoPeer.responder: "FN=Segoe%20UI; EF=I; CO=b0008b; CS=0; PF=22",  // italic purple
        DemoPeer.wanderer: "FN=Consolas; EF=B; CO=228b22; CS=0; PF=31",  // bold green
    ]

    func receive(conference event: ConferenceEvent, as name: String) async {
        guard sessions[name] != nil else { return }
        switch event.kind {
        case .invited(let from, _, let subject, let message):
            schedule(name) {
                await self.join(event.conference, as: name, invitedBy: from, subject: subject, opening: message.text)
            }
        case .message(let from, let text) where !Self.isDemoUser(from):
            guard conferences[event.conference]?.sorted().first == name else { return }
            let reply = replies.reply(to: text.text, from: Self.firstName(from))
            schedule(name) { await self.say(reply, in: event.conference, as: name) }
        case .state(.terminated):
            conferences[event.conference]?.remove(name)
            if conferences[event.conference]?.isEmpty == true { conferences[event.conference] = nil }
        default:
            break
        }
    }

    static func isDemoUser(_ name: String) -> Bool { name == responder || name == wanderer }

    /// The user name as a greeting uses it (`alice` → `Alice`); conference events carry no display names.
    static func firstName(_ user: String) -> String { user.prefix(1).uppercased() + user.dropFirst() }

    private func schedule(_ name: String, _ work: @escaping @Sendable () async -> Void) {
        nextAnswer += 1
        let number = nextAnswer
        answers[number] = Task {
            await work()
            self.finished(number)
        }
    }

    private func finished(_ number: Int) { answers[number] = nil }

    private func join(_ id: Int, as name: String, invitedBy from: String, subject: String?, opening: String) async {
        guard let session = sessions[name] else { return }
        do {
            try await Task.sleep(for: timing.thinking)
            // A real client of the same user answers for themselves.
            guard await !service.hub.hasRealSession(name) else { return }
            try await service.acceptConference(id, session: session)
            conferences[id, default: []].insert(name)
            let topic = subject.map { " about “\($0)”" } ?? ""
            let greeting =
                name == DemoPeer.responder
                ? "Thanks for the invite\(topic)! " + replies.reply(to: opening, from: Self.firstName(from))
                : "Dave here\(topic) — count me in."
            await say(greeting, in: id, as: name)
        } catch {
            logger.debug("demo conference join dropped", metadata: ["error": "\(error)"])
        }
    }

    private func say(_ text: String, in id: Int, as name: String) async {
        guard let session = sessions[name] else { return }
        do {
            try await Task.sleep(for: timing.thinking)
            try await service.composingInConference(id, isComposing: true, session: session)
            try await Task.sleep(for: timing.typing)
            try await service.sendToConference(
                id, ConferenceText(text: text, contentType: "text/plain", format: Self.conferenceFormats[name]),
                from: session)
        } catch {
            logger.debug("demo conference message dropped", metadata: ["error": "\(error)"])
        }
    }
}
