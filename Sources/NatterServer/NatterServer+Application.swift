import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

extension NatterServer {
    static let realtimePath = "/realtime"

    /// One HTTP/1.1 listener for every protocol; WebSocket upgrades are accepted on the Realtime path only.
    func makeApplication(onBound: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let router = Router()
        let configuration = self.configuration
        LoginController(
            storage: storage, domain: configuration.domain,
            boundAuthority: { [weak self] in "\(configuration.host):\(self?.port ?? configuration.port)" },
            logger: logger
        ).register(on: router)
        let connection = RealtimeConnection(
            service: service, maxMessageSize: configuration.maxFrameSize,
            authenticationTimeout: configuration.authenticationTimeout)
        let webSocket = WebSocketServerConfiguration(
            maxFrameSize: configuration.maxFrameSize, autoPing: .enabled(timePeriod: .seconds(30)),
            validateUTF8: true)
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(configuration: .init(ws: webSocket)) { request, _, _ in
                let path = request.path?.split(separator: "?", maxSplits: 1).first.map(String.init)
                guard path == NatterServer.realtimePath else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, context in
                    try await connection.run(inbound: inbound, outbound: outbound, logger: context.logger)
                }
            },
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "natterd"),
            onServerRunning: { channel in onBound(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
