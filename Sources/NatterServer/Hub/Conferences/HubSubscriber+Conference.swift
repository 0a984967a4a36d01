extension HubSubscriber {
    /// Protocols without multi-party sessions never see conference events.
    func receive(conference event: ConferenceEvent) {}
}
