import Foundation
import NatterCodecs
import NatterTransport

/// A minimal Zimbra IM client for the bench: login, send, and a long poll that acknowledges what it saw.
/// Used from one thread at a time per instance, except that `poll` and `send` of different instances run
/// in parallel; each owns its HTTP client.
final class ZimbraBenchClient: @unchecked Sendable {
    private let endpoint: String
    private let http = HTTPClient()
    private var context = ZimbraRequestContext()

    init(user: String, endpoint: String) throws {
        self.endpoint = endpoint
        let (response, answer) = try exchange(
            .auth(account: "\(user)@\(ServerBenchCommand.domain)", password: ServerBenchCommand.password))
        guard case .auth(let token, _, let session) = response else { throw BenchError("no AuthResponse") }
        context = ZimbraRequestContext(authToken: token, session: ZimbraSession(id: session, seq: answer?.highestSeq))
    }

    func send(to address: String, text: String) throws {
        _ = try exchange(.sendMessage(to: .address(address), IMMessageContent(body: .init(text))))
    }

    /// One `NoOpRequest wait="1"`; returns the bodies of the messages it brought.
    func poll() throws -> [String] {
        let (_, answer) = try exchange(.noOp(wait: true, timeout: 10_000))
        guard let answer else { return [] }
        if let seq = answer.highestSeq { context.session?.seq = seq }
        return answer.notifications.flatMap(\.notifications).compactMap { notification in
            if case .message(_, _, _, let content, _) = notification { content.body?.text } else { nil }
        }
    }

    private func exchange(_ request: RosterRequest) throws -> (RosterResponse, ZimbraResponseContext?) {
        let body = try RosterEnvelope.bytes(for: request, context: context)
        let response = try http.perform(
            HTTPRequest(
                method: .post, url: endpoint, headers: HTTPHeaders(RosterEnvelope.httpHeaders), body: body,
                timeout: .seconds(30)))
        return try RosterEnvelope.parseResponse(response.body, expecting: request.kind)
    }
}
