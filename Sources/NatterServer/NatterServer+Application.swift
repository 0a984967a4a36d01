import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOSSL

extension NatterServer {
    static let realtimePath = "/realtime"

    /// One HTTP/1.1 listener for every protocol; WebSocket upgrades are accepted on the Realtime path only.
    func makeApplication(onBound: @escaping @Sendable (Int) -> Void) throws -> some ApplicationProtocol {
        let router = Router()
        let configuration = self.configuration
        LoginController(
            storage: storage, domain: configuration.domain, secure: configuration.usesTLS,
            boundAuthority: { [weak self] in "\(configuration.host):\(self?.port ?? configuration.port)" },
            logger: logger
        ).register(on: router)
        let connection = RealtimeConnection(
            service: service, maxMessageSize: configuration.maxFrameSize,
            authenticationTimeout: configuration.authenticationTimeout)
        let webSocket = WebSocketServerConfiguration(
            maxFrameSize: configuration.maxFrameSize, autoPing: .enabled(timePeriod: .seconds(30)),
            validateUTF8: true)
        let plain = HTTPServerBuilder.http1WebSocketUpgrade(configuration: .init(ws: webSocket)) { request, _, _ in
            let path = request.path?.split(separator: "?", maxSplits: 1).first.map(String.init)
            guard path == NatterServer.realtimePath else { return .dontUpgrade }
            return .upgrade([:]) { inbound, outbound, context in
                try await connection.run(inbound: inbound, outbound: outbound, logger: context.logger)
            }
        }
        return Application(
            router: router,
            server: try tlsConfiguration().map { try .tls(plain, tlsConfiguration: $0) } ?? plain,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "natterd"),
            onServerRunning: { channel in onBound(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Loads the certificate and key up front so a bad path fails `start()` with a clear error, not the first
    /// handshake.
    func tlsConfiguration() throws -> TLSConfiguration? {
        guard let certificatePath = configuration.tlsCertificatePath, let keyPath = configuration.tlsKeyPath else {
            return nil
        }
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        } catch {
            throw NatterServerError.tls("cannot load TLS certificate \(certificatePath) or key \(keyPath): \(error)")
        }
    }
}
