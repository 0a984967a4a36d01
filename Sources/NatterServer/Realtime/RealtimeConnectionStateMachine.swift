import NatterCodecs

/// The per-connection protocol state: nothing but `auth` is accepted until authentication succeeds.
///
/// Pure: it decodes frames and says what to do; the connection shell does it and reports back.
struct RealtimeConnectionStateMachine {
    enum State {
        case awaitingAuth
        case authenticated(HubSession)
    }

    enum Action {
        /// Answer the client directly (errors before or instead of processing).
        case reply(RealtimeMessage)
        case authenticate(RealtimeAuth)
        case handle(RealtimeMessage, HubSession)
    }

    private(set) var state = State.awaitingAuth

    var session: HubSession? {
        if case .authenticated(let session) = state { return session }
        return nil
    }

    mutating func receive(text: String) -> Action {
        let message: RealtimeMessage
        do {
            message = try RealtimeCodec.decode(text)
        } catch {
            return .reply(.error(RealtimeErrorMessage(id: error.id, code: error.code, text: error.description)))
        }
        switch (state, message) {
        case (.awaitingAuth, .auth(let auth)):
            return .authenticate(auth)
        case (.awaitingAuth, _):
            return .reply(
                .error(
                    RealtimeErrorMessage(
                        id: message.id, code: .notAuthenticated,
                        text: "not authenticated; send an auth message first")))
        case (.authenticated(let session), _):
            return .handle(message, session)
        }
    }

    /// Binary frames carry nothing this protocol defines; answered rather than closed so a confused client
    /// learns why.
    func receiveBinary() -> Action {
        .reply(.error(RealtimeErrorMessage(code: .invalidArg, text: "binary frames are not supported; send JSON text")))
    }

    mutating func authenticated(_ session: HubSession) {
        state = .authenticated(session)
    }
}
