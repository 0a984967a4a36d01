import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NatterWire

/// The Ryver login a Natter client does (docs/protocols/realtime.md, "Connecting"), as natterd's bridge does it:
/// `POST /api/1/odata.svc/User.Login` with HTTP Basic credentials over a NIO HTTP/1.1 connection, inside TLS
/// (`GatewayTLS`, verified) for an `https` remote.
enum GatewayRemoteLogin {
    struct Session: Sendable, Equatable {
        var sessionID: String
        /// `services.chat`, the realtime WebSocket URL.
        var chatURL: String
    }

    enum Outcome: Sendable, Equatable {
        case session(Session)
        /// 401: wrong name or password.
        case unauthorized
        /// 403: the remote server refuses this account (docs/protocols/gateways.md).
        case accountDisabled
        /// Anything else: unreachable, a 5xx, an unreadable answer; worth retrying.
        case unreachable(String)
    }

    static func login(serviceURL: String, name: String, password: String, tls: GatewayTLS) async -> Outcome {
        guard let url = URL(string: serviceURL), let host = url.host, let scheme = url.scheme,
            ["http", "https"].contains(scheme)
        else {
            return .unreachable("not an http:// or https:// URL: \(serviceURL)")
        }
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        let credentials = Data("\(name):\(password)".utf8).base64EncodedString()
        do {
            let (status, body) = try await post(
                host: host, port: port, tls: secure ? tls : nil,
                path: url.path + "/api/1/odata.svc/User.Login(client='natterd-gateway')",
                headers: [("Authorization", "Basic \(credentials)")])
            return outcome(status: status, body: body, secure: secure)
        } catch {
            return .unreachable(GatewayTLS.reason(error).map { "\(host):\(port): \($0)" } ?? "\(error)")
        }
    }

    /// What a login answer means for the bridge.
    static func outcome(status: UInt, body: Data, secure: Bool) -> Outcome {
        switch status {
        case 200:
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: body),
                let id = value["d"]?["sessionId"]?.stringValue,
                let chat = value["d"]?["services"]?["chat"]?.stringValue
            else { return .unreachable("login answer without sessionId or services.chat") }
            // The session id must not travel in the clear after a login that did not.
            if secure && !chat.hasPrefix("wss://") {
                return .unreachable("an https remote advertised a chat service that is not wss://: \(chat)")
            }
            return .session(Session(sessionID: id, chatURL: chat))
        case 401: return .unauthorized
        case 403: return .accountDisabled
        default: return .unreachable("login answered HTTP \(status)")
        }
    }

    /// One request on its own connection, closed after the answer.
    private static func post(
        host: String, port: Int, tls: GatewayTLS?, path: String, headers: [(String, String)]
    ) async throws -> (status: UInt, body: Data) {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        // Server name indication carries names only; an address is checked against the
                        // certificate's IP entries instead.
                        let name = GatewayServiceConfiguration.isAddress(host) ? nil : host
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls.context, serverHostname: name))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
            head.headers.add(name: "Host", value: "\(host):\(port)")
            head.headers.add(name: "Content-Length", value: "0")
            head.headers.add(name: "Connection", value: "close")
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            try await outbound.write(.head(head))
            try await outbound.write(.end(nil))
            var status: UInt = 0
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let response): status = response.status.code
                case .body(var chunk): body.writeBuffer(&chunk)
                case .end: return (status, Data(body.readableBytesView))
                }
            }
            throw GatewayError.connectionClosed
        }
    }
}

/// A failure of the bridge's own I/O, never shown with a password.
struct GatewayError: Error, CustomStringConvertible {
    private enum Kind {
        case connectionClosed
        case refused(String)
    }

    private let kind: Kind

    static let connectionClosed = GatewayError(kind: .connectionClosed)
    static func refused(_ reason: String) -> Self { Self(kind: .refused(reason)) }

    var description: String {
        switch kind {
        case .connectionClosed: "the remote server closed the connection"
        case .refused(let reason): reason
        }
    }
}
