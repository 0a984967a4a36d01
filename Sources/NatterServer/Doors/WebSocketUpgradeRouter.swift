import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// Where WebSocket upgrades go: each door registers its path, and optionally an authentication that runs
/// before the upgrade, so a bad token is refused with HTTP 401 and never becomes a WebSocket.
///
/// The listener's upgrade hook asks `decide`; a request it declines falls through to the HTTP router, where
/// `registerRefusals` answers it with the reason (401 with a `WWW-Authenticate` challenge, or 426 for a
/// plain GET).
struct WebSocketUpgradeRouter: Sendable {
    typealias Handler =
        @Sendable (WebSocketInboundStream, WebSocketOutboundWriter, WebSocketUpgradeContext) async throws -> Void

    enum Authentication: Sendable {
        /// The door authenticates in-band, after the upgrade (Realtime's `auth` message).
        case none
        /// `Authorization: Bearer <login session id>` (Channels).
        case bearerSession
    }

    /// The outcome for one request, before any upgrade happens.
    enum Decision: Sendable {
        case notAWebSocketPath
        case unauthorized
        case upgrade(Handler, user: StoredUser?)
    }

    private struct Route: Sendable {
        let authentication: Authentication
        let handler: Handler
    }

    let authenticator: Authenticator
    private var routes: [String: Route] = [:]

    init(authenticator: Authenticator) {
        self.authenticator = authenticator
    }

    var paths: [String] { routes.keys.sorted() }

    mutating func add(_ path: String, authentication: Authentication = .none, handler: @escaping Handler) {
        precondition(routes[path] == nil, "two doors registered the WebSocket path \(path)")
        routes[path] = Route(authentication: authentication, handler: handler)
    }

    func decide(path: String, headers: HTTPFields) async -> Decision {
        guard let route = routes[path] else { return .notAWebSocketPath }
        switch route.authentication {
        case .none:
            return .upgrade(route.handler, user: nil)
        case .bearerSession:
            guard let user = try? await authenticator.authenticate(bearer: headers) else { return .unauthorized }
            return .upgrade(route.handler, user: user)
        }
    }

    /// The listener's upgrade hook.
    func shouldUpgrade(
        _ request: HTTPRequest, logger: Logger
    ) async -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        let path = request.path?.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard case .upgrade(let handler, let user) = await decide(path: path, headers: request.headerFields) else {
            return .dontUpgrade
        }
        return .upgrade([:]) { inbound, outbound, context in
            try await handler(inbound, outbound, WebSocketUpgradeContext(user: user, logger: context.logger))
        }
    }

    /// Answers the requests the upgrade hook declined on a WebSocket path.
    func registerRefusals(on router: Router<NatterRequestContext>) {
        for path in paths {
            router.get(RouterPath(path)) { request, _ -> Response in
                switch await decide(path: path, headers: request.headers) {
                case .unauthorized:
                    let error = request.headers.bearer == nil ? "" : ", error=\"invalid_token\""
                    return Response(
                        status: .unauthorized,
                        headers: [.wwwAuthenticate: "Bearer realm=\"\(authenticator.domain)\"\(error)"])
                case .upgrade, .notAWebSocketPath:
                    return Response(status: .upgradeRequired, headers: [.upgrade: "websocket"])
                }
            }
        }
    }
}

/// What a WebSocket handler learns about its connection.
struct WebSocketUpgradeContext: Sendable {
    /// The user a pre-upgrade authentication established; `nil` for doors that authenticate in-band.
    let user: StoredUser?
    let logger: Logger
}
