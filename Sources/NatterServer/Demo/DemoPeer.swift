import Logging
import NatterModel

/// Simulated demo users that make a demo screen feel alive: carol answers 1:1 chats, dave changes presence,
/// and both sit in the lounge.
///
/// They are server-side sessions on the protocol-neutral core, a hub subscriber like any door's connection,
/// so their chats are stored and delivered exactly like real ones, to clients of every protocol. Each goes
/// quiet while its user has a real connection.
actor DemoPeer {
    struct Timing: Sendable {
        var thinking: Duration = .milliseconds(300)
        var typing: Duration = .milliseconds(900)
        var presencePeriod: Duration = .seconds(20)
    }

    static let responder = "carol"
    static let wanderer = "dave"
    static let room = "lounge"
    static let presenceCycle: [Presence] = [.available, .away, .dnd, .xa]

    let service: HubService
    let logger: Logger
    let timing: Timing
    var sessions: [String: HubSession] = [:]
    private var wanderer: Task<Void, Never>?
    /// Replies in flight, removed as they finish so a long demo does not accumulate tasks.
    var answers: [Int: Task<Void, Never>] = [:]
    var nextAnswer = 0
    var replies = DemoReplies()
    /// The conferences each demo user is in (accepted), so one of them answers what is said there.
    var conferences: [Int: Set<String>] = [:]
    private var presenceIndex = 0

    init(service: HubService, logger: Logger, timing: Timing = Timing()) {
        self.service = service
        self.logger = logger
        self.timing = timing
    }

    func start() async throws {
        for name in [DemoPeer.responder, DemoPeer.wanderer] {
            guard let user = try await service.storage.user(named: name) else { continue }
            let id = await service.hub.makeSessionID()
            let subscriber = HubClosureSubscriber(
                { [weak self] event in
                    guard let self else { return }
                    Task { await self.receive(event, as: name) }
                },
                conference: { [weak self] event in
                    guard let self else { return }
                    Task { await self.receive(conference: event, as: name) }
                })
            let session = try await service.attach(
                user: user, resource: "demo", id: id, subscriber: subscriber,
                onResume: { [weak self] in
                    guard let self else { return }
                    Task { await self.announce(name) }
                })
            sessions[name] = session
            await announce(name)
            // Present in the lounge, so whoever joins it finds company and sees dave come and go. A database
            // seeded differently may lack the room or the membership; the peer then just stays out.
            do {
                try await service.join(DemoPeer.room, session: session)
            } catch {
                logger.notice("demo peer stays out of the lounge", metadata: ["user": "\(name)", "error": "\(error)"])
            }
        }
        wanderer = Task { await self.wander() }
    }

    func stop() async {
        wanderer?.cancel()
        wanderer = nil
        for task in answers.values { task.cancel() }
        answers.removeAll()
        for session in sessions.values { await service.detach(session) }
        sessions.removeAll()
    }

    private func announce(_ name: String) async {
        guard let session = sessions[name] else { return }
        let presence = name == DemoPeer.wanderer ? DemoPeer.presenceCycle[presenceIndex] : .available
        try? await service.setPresence(presence, for: session)
    }

    private func wander() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: timing.presencePeriod)
            } catch {
                return
            }
            presenceIndex = (presenceIndex + 1) % DemoPeer.presenceCycle.count
            if await !service.hub.hasRealSession(DemoPeer.wanderer) { await announce(DemoPeer.wanderer) }
        }
    }

    private func receive(_ event: HubEvent, as name: String) async {
        guard name == DemoPeer.responder, case .message(let chat) = event, sessions[name] != nil,
            chat.message.sender.name != name, chat.message.recipientName == name
        else { return }
        let from = service.bareJID(chat.message.sender.name)
        let reply = replies.reply(to: chat.message.text, from: chat.message.sender.displayName)
        nextAnswer += 1
        let number = nextAnswer
        answers[number] = Task {
            await self.answer(from.description, with: reply)
            self.answers[number] = nil
        }
    }

    /// Types, pauses, stops typing, answers: what a person on the other end would look like.
    private func answer(_ recipient: String, with text: String) async {
        guard let session = sessions[DemoPeer.responder] else { return }
        do {
            try await Task.sleep(for: timing.thinking)
            guard await !service.hub.hasRealSession(DemoPeer.responder) else { return }
            try? await service.typing(.composing, to: recipient, from: session)
            try await Task.sleep(for: timing.typing)
            try? await service.typing(.stopped, to: recipient, from: session)
            try await service.sendChat(HubService.OutgoingChat(to: recipient, text: text), from: session)
        } catch {
            logger.debug("demo reply dropped", metadata: ["error": "\(error)"])
        }
    }
}
