import Foundation
import Logging
import NatterCodecs
import NatterModel

/// The Realtime door's translation of requests into calls on the protocol-neutral core, and of the core's
/// refusals into Realtime errors. What happens (storage, routing, presence) is the core's business.
final class RealtimeService: Sendable {
    let core: HubService
    let authenticator: Authenticator
    let encoder: RealtimeEventEncoder
    let readMarkers: RealtimeReadMarkers

    init(core: HubService, authenticator: Authenticator, readMarkers: RealtimeReadMarkers) {
        self.core = core
        self.authenticator = authenticator
        self.readMarkers = readMarkers
        encoder = RealtimeEventEncoder(domain: core.domain)
    }

    var storage: any CoreStore { core.storage }
    var hub: Hub { core.hub }
    var domain: String { core.domain }

    func bareJID(_ name: String) -> JID { core.bareJID(name) }

    /// Validates a `Session <id>` authorization and attaches the connection to the hub.
    func authenticate(
        _ auth: RealtimeAuth, session id: HubSessionID, outbox: RealtimeOutbox
    ) async throws(RealtimeErrorMessage) -> HubSession {
        let failure = RealtimeErrorMessage(
            id: auth.id, code: .authFailed, text: "authentication failed; invalid session")
        guard let sessionID = auth.sessionID else { throw failure }
        let user = try await call(auth.id) {
            try await core.storageCall { try await authenticator.authenticate(session: sessionID) }
        }
        guard let user else { throw failure }
        let resource = auth.resource.flatMap(RealtimeService.cleanResource) ?? RealtimeService.generatedResource()
        return try await call(auth.id) {
            try await core.attach(user: user, resource: resource, id: id, subscriber: outbox, loginSession: sessionID)
        }
    }

    func sendChat(_ chat: RealtimeChat, from session: HubSession) async throws(RealtimeErrorMessage) -> StoredMessage {
        try await call(chat.id) {
            try await core.sendChat(
                HubService.OutgoingChat(to: chat.to, text: chat.text, extras: chat.extras, clientID: chat.id),
                from: session)
        }
    }

    func editChat(_ chat: RealtimeChat, from session: HubSession) async throws(RealtimeErrorMessage) -> StoredMessage {
        guard let key = chat.key else {
            throw RealtimeErrorMessage(id: chat.id, code: .invalidArg, text: "missing required property 'key'")
        }
        return try await call(chat.id) { try await core.editChat(key: key, text: chat.text, from: session) }
    }

    func deleteChat(_ ref: RealtimeChatRef, from session: HubSession) async throws(RealtimeErrorMessage) {
        try await call(ref.id) { try await core.deleteChat(key: ref.key, from: session) }
    }

    func setPresence(_ presence: RealtimePresence, for session: HubSession) async throws(RealtimeErrorMessage) {
        try await call(presence.id) {
            try await core.setPresence(presence.presence, status: presence.status, for: session)
        }
    }

    func typing(_ typing: RealtimeTyping, from session: HubSession) async throws(RealtimeErrorMessage) {
        let state: TypingEvent.State = typing.state == .composing ? .composing : .stopped
        try await call(typing.id) { try await core.typing(state, to: typing.to, from: session) }
    }

    func join(_ request: RealtimeRoomRequest, session: HubSession) async throws(RealtimeErrorMessage) {
        try await call(request.id) { try await core.join(request.to, session: session) }
    }

    func leave(_ request: RealtimeRoomRequest, session: HubSession) async throws(RealtimeErrorMessage) {
        try await call(request.id) { try await core.leave(request.to, session: session) }
    }

    /// Runs a core call for the request `id`, answering a refusal as a Realtime error with the same id.
    /// (Closures do not infer typed throws, so the body throws untyped and anything but a `HubError` counts
    /// as a server error.)
    func call<T>(_ id: String?, _ body: () async throws -> T) async throws(RealtimeErrorMessage) -> T {
        do {
            return try await body()
        } catch let error as HubError {
            throw RealtimeErrorMessage(
                id: id, code: error.isInvalidArgument ? .invalidArg : .serverError, text: error.text)
        } catch {
            throw serverError(error, id: id)
        }
    }

    /// Resources end up inside JIDs, so only characters a JID part allows are kept.
    static func cleanResource(_ resource: String) -> String? {
        let kept = String(
            resource.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F && $0 != "/" }.prefix(64))
        return kept.isEmpty ? nil : kept
    }

    static func generatedResource() -> String {
        "natter-" + String(UInt32.random(in: .min ... .max), radix: 16)
    }
}
