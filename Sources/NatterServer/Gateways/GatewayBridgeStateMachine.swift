import NatterCodecs

/// The connection of one gateway registration (a local user's account on a remote Ryver-compatible server),
/// as seed 000 describes its states. Pure: one method per input, each returning what the shell must do;
/// time comes in as an `instant` (milliseconds on the shell's clock), so tests never sleep.
///
/// `trying_to_connect` covers both an attempt in progress and the wait before the next one; while waiting,
/// `timeUntilNextConnect` says how long is left. `bad_auth` and `disabled` never retry on their own: only
/// `reconnect` (or a new registration) leaves them.
struct GatewayBridgeStateMachine: Sendable {
    enum Phase: Sendable, Equatable {
        case start
        case connecting
        /// Backing off after a failure; the next attempt is due at `until`.
        case waiting(until: Int64)
        case online
        case badAuth
        case intentionallyOffline
        case disabled
        case shutdown
    }

    /// Why an attempt or a connection ended.
    enum Failure: Sendable, Equatable {
        /// The remote refused the credentials (HTTP 401, or `auth_failed` on the WebSocket).
        case unauthorized
        /// The remote refused the account itself (HTTP 403): docs/protocols/gateways.md.
        case accountDisabled
        /// The network or the remote server failed; worth trying again later. A certificate that does not verify
        /// counts here too: the account is fine, and a renewed certificate or `--gateway-ca` fixes it without a
        /// new registration.
        case unreachable
    }

    enum Action: Sendable, Equatable {
        /// Send `gwStatus` to the user's sessions.
        case report(IMGatewayService.State, timeUntilNextConnect: Int64?)
        case connect
        case disconnect
        /// Wake the machine with `retryDue(at:)` after `milliseconds`.
        case scheduleRetry(milliseconds: Int64)
    }

    /// Delay before the first retry; doubled per consecutive failure up to `maximumDelay`.
    let initialDelay: Int64
    let maximumDelay: Int64
    private(set) var phase: Phase = .start
    private(set) var failures = 0
    private var localUserOnline: Bool

    init(localUserOnline: Bool, initialDelay: Int64 = 1000, maximumDelay: Int64 = 60_000) {
        self.localUserOnline = localUserOnline
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// The seed's state for `phase`.
    var state: IMGatewayService.State {
        switch phase {
        case .start: .start
        case .connecting, .waiting: .tryingToConnect
        case .online: .online
        case .badAuth: .badAuth
        case .intentionallyOffline: .intentionallyOffline
        case .disabled: .disabled
        case .shutdown: .shutdown
        }
    }

    /// Milliseconds left before the next attempt while backing off.
    func timeUntilNextConnect(at instant: Int64) -> Int64? {
        guard case .waiting(let until) = phase else { return nil }
        return max(0, until - instant)
    }

    /// The registration was just made (or loaded at server start).
    mutating func begin() -> [Action] {
        guard phase == .start else { return [] }
        return [.report(.start, timeUntilNextConnect: nil)] + (localUserOnline ? attempt() : goOffline())
    }

    /// The remote accepted the login and the realtime `auth`.
    mutating func connected() -> [Action] {
        guard phase == .connecting else { return [] }
        phase = .online
        failures = 0
        return [.report(.online, timeUntilNextConnect: nil)]
    }

    /// An attempt failed, or an established connection ended.
    mutating func failed(_ failure: Failure, at instant: Int64) -> [Action] {
        guard phase == .connecting || phase == .online else { return [] }
        switch failure {
        case .unauthorized:
            phase = .badAuth
            return [.disconnect, .report(.badAuth, timeUntilNextConnect: nil)]
        case .accountDisabled:
            phase = .disabled
            return [.disconnect, .report(.disabled, timeUntilNextConnect: nil)]
        case .unreachable:
            // A connection that was up starts the backoff afresh; repeated failed attempts lengthen it.
            if phase == .online { failures = 0 }
            let delay = min(maximumDelay, initialDelay << min(failures, 30))
            failures += 1
            phase = .waiting(until: instant + delay)
            return [
                .disconnect, .report(.tryingToConnect, timeUntilNextConnect: delay),
                .scheduleRetry(milliseconds: delay),
            ]
        }
    }

    /// A retry timer fired; stale timers (the machine moved on meanwhile) do nothing.
    mutating func retryDue(at instant: Int64) -> [Action] {
        guard case .waiting(let until) = phase, instant >= until else { return [] }
        return attempt()
    }

    /// The user asked to try now; this also re-enables `disabled` and retries `bad_auth` once.
    mutating func reconnect() -> [Action] {
        switch phase {
        case .shutdown, .intentionallyOffline, .connecting, .online: return []
        case .start, .waiting, .badAuth, .disabled:
            failures = 0
            return attempt()
        }
    }

    /// The local user's presence went offline or came back.
    mutating func localPresence(online: Bool) -> [Action] {
        localUserOnline = online
        switch (online, phase) {
        case (false, .start), (false, .connecting), (false, .waiting), (false, .online):
            return [.disconnect] + goOffline()
        case (true, .intentionallyOffline):
            failures = 0
            return attempt()
        default:
            return []
        }
    }

    /// The registration is removed or the server stops.
    mutating func shutdown() -> [Action] {
        guard phase != .shutdown else { return [] }
        phase = .shutdown
        return [.disconnect, .report(.shutdown, timeUntilNextConnect: nil)]
    }

    private mutating func attempt() -> [Action] {
        phase = .connecting
        return [.report(.tryingToConnect, timeUntilNextConnect: nil), .connect]
    }

    private mutating func goOffline() -> [Action] {
        phase = .intentionallyOffline
        return [.report(.intentionallyOffline, timeUntilNextConnect: nil)]
    }
}
