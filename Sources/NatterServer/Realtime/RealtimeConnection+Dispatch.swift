import NatterCodecs
import NatterWire

extension RealtimeConnection {
    /// Runs one authenticated request and returns the ack's `response`, if the request has one.
    func handle(
        _ message: RealtimeMessage, session: HubSession
    ) async throws(RealtimeErrorMessage) -> [String: JSONValue]? {
        switch message {
        case .chat(let chat):
            let stored = try await service.sendChat(chat, from: session)
            return ["key": .string(stored.key)]
        case .chatUpdated(let chat):
            let stored = try await service.editChat(chat, from: session)
            return ["key": .string(stored.key)]
        case .chatDeleted(let ref):
            try await service.deleteChat(ref, from: session)
            return ["key": .string(ref.key)]
        case .presenceChange(let presence):
            try await service.setPresence(presence, for: session)
            return nil
        case .userTyping(let typing):
            try await service.typing(typing, from: session)
            return nil
        case .teamJoin(let request):
            try await service.join(request, session: session)
            return nil
        case .teamLeave(let request):
            try await service.leave(request, session: session)
            return nil
        case .ping:
            return nil
        case .history(let request):
            return RealtimeCodec.response(try await service.history(request, session: session))
        case .roster(let id):
            return RealtimeCodec.response(try await service.roster(for: session, id: id))
        case .teamList(let id):
            return RealtimeCodec.response(try await service.teams(for: session, id: id))
        case .readMarker(let marker):
            let current = try await service.readMarker(marker, session: session)
            return ["with": .string(current.with), "key": .string(current.key)]
        case .readMarkers(let id):
            return RealtimeCodec.response(try await service.readMarkers(for: session, id: id))
        case .auth(let auth):
            throw RealtimeErrorMessage(id: auth.id, code: .invalidArg, text: "this connection is already authenticated")
        case .ack, .error, .rosterUpdate:
            throw RealtimeErrorMessage(
                id: message.id, code: .invalidMessageType, text: "'\(message.type)' is only sent by the server")
        }
    }
}
