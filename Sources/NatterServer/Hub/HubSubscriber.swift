/// Receives the domain events for one session it serves: a protocol connection's outbox, or a simulated user.
///
/// Called from the hub actor, so an implementation must not block or wait: it queues the event (or encodes
/// it and queues the frame) and returns.
protocol HubSubscriber: Sendable {
    func receive(_ event: HubEvent)
    /// A conference event; subscribers of protocols without conferences ignore it (the default).
    func receive(conference event: ConferenceEvent)
}

/// A subscriber that is a closure; the demo peers use one.
struct HubClosureSubscriber: HubSubscriber {
    let body: @Sendable (HubEvent) -> Void
    let conference: @Sendable (ConferenceEvent) -> Void

    init(
        _ body: @escaping @Sendable (HubEvent) -> Void,
        conference: @escaping @Sendable (ConferenceEvent) -> Void = { _ in }
    ) {
        self.body = body
        self.conference = conference
    }

    func receive(_ event: HubEvent) { body(event) }

    func receive(conference event: ConferenceEvent) { conference(event) }
}
