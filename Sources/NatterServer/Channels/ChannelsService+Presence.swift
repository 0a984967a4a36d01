import NatterCodecs

extension ChannelsService {
    /// Listens for presence changes made at any door (Realtime `/presence`, Zimbra, CWA, a session closing) and
    /// sends each as `member-status` to the user's channels. What a Channels connection announced itself was
    /// already sent, in order after its ack, so those changes are skipped.
    func observePresence() {
        core.hub.presenceObservers.add { [self] change in
            guard !(change.cause is ChannelsOutbox) else { return }
            // The hub calls this on its actor; the storage lookups happen on a task of their own. Each task reads
            // the presence as it is when it runs, so the last one to run sends the latest state.
            Task { await presenceChanged(of: change.user) }
        }
    }

    func presenceChanged(of name: String) async {
        guard let user = try? await core.storage.user(named: name) else { return }
        var ignored = ChannelsOutcome(ack: ChannelAck(replyTo: nil, status: true))
        try? await announceChange(of: user, caller: nil, into: &ignored)
    }
}
