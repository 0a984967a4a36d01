import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Where WebSocket upgrades go: each door registers its path, and optionally an authentication that runs
/// before the upgrade, so a bad token is refused with HTTP 401 and never becomes a WebSocket.
///
/// The listener's upgrade hook asks `decide`. An upgrade request refused for its credentials is answered by
/// the hook itself (401 with a `WWW-Authenticate` challenge, see `refuse`); a plain GET on a WebSocket path
/// never reaches the hook and is answered by `registerRefusals` on the HTTP router (401, or 426 when its
/// credentials are fine).
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
        _ request: HTTPRequest, channel: any Channel, logger: Logger
    ) async -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        let path = request.path?.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let handler: Handler
        let user: StoredUser?
        switch await decide(path: path, headers: request.headerFields) {
        case .notAWebSocketPath:
            return .dontUpgrade
        case .unauthorized:
            await refuse(request.headerFields, on: channel)
            return .dontUpgrade
        case .upgrade(let upgrade, let established):
            (handler, user) = (upgrade, established)
        }
        return .upgrade([:]) { inbound, outbound, context in
            try await handler(
                inbound, outbound,
                WebSocketUpgradeContext(
                    user: user, bearerToken: request.headerFields.bearer?.token, logger: context.logger))
        }
    }

    /// Answers the requests the upgrade hook declined on a WebSocket path.
    func registerRefusals(on router: Router<NatterRequestContext>) {
        for path in paths {
            router.get(RouterPath(path)) { request, _ -> Response in
                switch await decide(path: path, headers: request.headers) {
                case .unauthorized:
                    return Response(status: .unauthorized, headers: [.wwwAuthenticate: challenge(request.headers)])
                case .upgrade, .notAWebSocketPath:
                    return Response(status: .upgradeRequired, headers: [.upgrade: "websocket"])
                }
            }
        }
    }
}

extension WebSocketUpgradeRouter {
    /// RFC 6750's challenge: `invalid_token` when a token was presented, none when it was missing.
    func challenge(_ headers: HTTPFields) -> String {
        let error = headers.bearer == nil ? "" : ", error=\"invalid_token\""
        return "Bearer realm=\"\(authenticator.domain)\"\(error)"
    }

    /// Answers a refused WebSocket upgrade with 401 and the challenge, then closes the connection.
    ///
    /// Written here, at the HTTP/1 codec, because HummingbirdWebSocket answers every declined upgrade request
    /// with a bare 400 of its own; that 400 then finds the connection closed and is dropped.
    private func refuse(_ headers: HTTPFields, on channel: any Channel) async {
        var fields = HTTPHeaders()
        fields.add(name: "WWW-Authenticate", value: challenge(headers))
        fields.add(name: "Content-Length", value: "0")
        fields.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: .unauthorized, headers: fields)
        try? await channel.writeAndFlush(HTTPServerResponsePart.head(head)).get()
        try? await channel.writeAndFlush(HTTPServerResponsePart.end(nil)).get()
        try? await channel.close()
    }
}

/// What a WebSocket handler learns about its connection.
struct WebSocketUpgradeContext: Sendable {
    /// The user a pre-upgrade authentication established; `nil` for doors that authenticate in-band.
    let user: StoredUser?
    /// The `Authorization: Bearer` token the user was established with, so a door can notice its revocation.
    var bearerToken: String? = nil
    let logger: Logger
}
