import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NatterCodecs
import NatterModel
import NatterWire

/// `POST /api/1/odata.svc/User.Login(client='NAME')` with HTTP Basic credentials, as Ryver clients log in.
///
/// Answers `{"d":{"sessionId":…,"services":{"chat":"ws://HOST:PORT/realtime"}}}`; the session id is what
/// the Realtime `auth` message (and the Channels bearer token) carries.
struct LoginController: Sendable {
    let authenticator: Authenticator
    /// Whether the listener speaks TLS, so the chat URL handed out is `wss://`.
    let secure: Bool
    /// `host:port` to advertise when the request has no Host header.
    let boundAuthority: @Sendable () -> String
    let logger: Logger

    var domain: String { authenticator.domain }

    func register(on router: Router<NatterRequestContext>) {
        router.group("/api/1/odata.svc")
            .add(middleware: BasicPasswordAuthenticator(authenticator: authenticator))
            .post(":operation") { request, context in
                let operation = context.parameters.get("operation")?.removingPercentEncoding ?? ""
                guard operation.hasPrefix("User.Login") else { throw HTTPError(.notFound) }
                return try await login(request, context: context)
            }
    }

    func login(_ request: Request, context: NatterRequestContext) async throws -> Response {
        guard let credentials = request.headers.basic else {
            var response = LoginController.error(.unauthorized, code: "auth_failed", message: "authentication required")
            response.headers[.wwwAuthenticate] = "Basic realm=\"\(domain)\", charset=\"UTF-8\""
            return response
        }
        guard let user = context.identity else {
            logger.info("login failed", metadata: ["user": "\(credentials.username)"])
            return LoginController.error(.unauthorized, code: "auth_failed", message: "invalid user name or password")
        }
        let sessionID = try await authenticator.startSession(for: user)
        logger.info("login", metadata: ["user": "\(user.name)"])
        let authority = request.head.authority ?? boundAuthority()
        let body: JSONValue = .object([
            "d": .object([
                "sessionId": .string(sessionID),
                "services": .object([
                    "chat": .string("\(secure ? "wss" : "ws")://\(authority)/realtime"),
                    "messaging": .string("\(secure ? "wss" : "ws")://\(authority)/messaging"),
                ]),
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
