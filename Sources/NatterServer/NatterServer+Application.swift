import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOSSL

extension NatterServer {
    /// One HTTP/1.1 listener for every door: their routes on one router, their WebSocket paths on one
    /// upgrade router.
    func makeApplication(onBound: @escaping @Sendable (Int) -> Void) throws -> some ApplicationProtocol {
        let router = Router(context: NatterRequestContext.self)
        var upgrades = WebSocketUpgradeRouter(authenticator: authenticator)
        for door in doors {
            door.registerRoutes(on: router)
            door.registerWebSockets(on: &upgrades)
        }
        upgrades.registerRefusals(on: router)
        let configuration = self.configuration
        let webSocket = WebSocketServerConfiguration(
            maxFrameSize: configuration.maxFrameSize, autoPing: .enabled(timePeriod: .seconds(30)),
            validateUTF8: true)
        let plain = HTTPServerBuilder.http1WebSocketUpgrade(configuration: .init(ws: webSocket)) {
            [upgrades] request, channel, logger in
            await upgrades.shouldUpgrade(request, channel: channel, logger: logger)
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
