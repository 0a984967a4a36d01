import HummingbirdWebSocket

/// Cloudonix API.Messaging (seed 003): channels with administrators, receipts and an archive, on one
/// WebSocket path authenticated before the upgrade by `Authorization: Bearer <login session id>`.
struct ChannelsDoor: Door {
    static let path = "/messaging"
    /// How soon a revoked or expired login session loses its open connections.
    static let sessionCheckInterval: Duration = .seconds(5)

    let connection: ChannelsConnection

    init(context: DoorContext) {
        let service = ChannelsService(
            core: context.core, store: ChannelStore(pool: context.storage.pool), registry: ChannelsRegistry(),
            logger: context.logger)
        service.observePresence()
        connection = ChannelsConnection(
            service: service, maxMessageSize: context.configuration.maxFrameSize,
            sessionCheckInterval: ChannelsDoor.sessionCheckInterval,
            sessionLifetime: context.configuration.sessionLifetime)
    }

    var migrations: [StorageMigration] { ChannelsMigrations.all }

    func registerWebSockets(on upgrades: inout WebSocketUpgradeRouter) {
        upgrades.add(ChannelsDoor.path, authentication: .bearerSession) { [connection] inbound, outbound, context in
            guard let user = context.user, let token = context.bearerToken else {
                try await outbound.close(.policyViolation, reason: "not authenticated")
                return
            }
            try await connection.run(
                user: user, loginSession: token, inbound: inbound, outbound: outbound, logger: context.logger)
        }
    }
}
