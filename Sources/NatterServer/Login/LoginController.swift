import Foundation
import Hummingbird
import Logging
import NatterModel
import NatterCodecs
import NatterWire

/// `POST /api/1/odata.svc/User.Login(client='NAME')` with HTTP Basic credentials, as Ryver clients log in.
///
/// Answers `{"d":{"sessionId":…,"services":{"chat":"ws://HOST:PORT/realtime"}}}`; the session id is what
/// the Realtime `auth` message (and the Channels bearer token) carries.
struct LoginController: Sendable {
    let storage: Storage
    let domain: String
    /// Whether the listener speaks TLS, so the chat URL handed out is `wss://`.
    let secure: Bool
    /// `host:port` to advertise when the request has no Host header.
    let boundAuthority: @Sendable () -> String
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.post("/api/1/odata.svc/:operation") { request, context in
            let operation = context.parameters.get("operation")?.removingPercentEncoding ?? ""
            guard operation.hasPrefix("User.Login") else { throw HTTPError(.notFound) }
            return try await login(request)
        }
    }

    func login(_ request: Request) async throws -> Response {
        guard let header = request.headers[.authorization], let credentials = BasicAuthorization(header: header) else {
            var response = LoginController.error(.unauthorized, code: "auth_failed", message: "authentication required")
            response.headers[.wwwAuthenticate] = "Basic realm=\"\(domain)\", charset=\"UTF-8\""
            return response
        }
        // `alice` and `alice@natter.test` are the same account; another domain is not ours.
        guard let jid = JID(credentials.user, defaultDomain: domain), jid.domain == domain,
            let user = try await storage.authenticate(name: jid.local, password: credentials.password)
        else {
            logger.info("login failed", metadata: ["user": "\(credentials.user)"])
            return LoginController.error(.unauthorized, code: "auth_failed", message: "invalid user name or password")
        }
        let sessionID = try await storage.createSession(for: user)
        logger.info("login", metadata: ["user": "\(user.name)"])
        let authority = request.head.authority ?? boundAuthority()
        let body: JSONValue = .object([
            "d": .object([
                "sessionId": .string(sessionID),
                "services": .object(["chat": .string("\(secure ? "wss" : "ws")://\(authority)/realtime")]),
            ])
        ])
        return LoginController.json(body, status: .ok)
    }

    static func error(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
        json(.object(["error": .object(["code": .string(code), "message": .string(message)])]), status: status)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: value.serialized)))
    }
}
