import HummingbirdWebSocket

/// The Realtime protocol (Ryver-style JSON over WebSocket): one WebSocket path, authenticated in-band by
/// its `auth` message, so the upgrade itself needs no credentials.
struct RealtimeDoor: Door {
    static let path = "/realtime"

    let connection: RealtimeConnection

    init(context: DoorContext) {
        let service = RealtimeService(
            core: context.core, authenticator: context.authenticator,
            readMarkers: RealtimeReadMarkers(storage: context.storage))
        connection = RealtimeConnection(
            service: service, maxMessageSize: context.configuration.maxFrameSize,
            authenticationTimeout: context.configuration.authenticationTimeout)
    }

    var migrations: [StorageMigration] { RealtimeReadMarkers.migrations }

    func registerWebSockets(on upgrades: inout WebSocketUpgradeRouter) {
        upgrades.add(RealtimeDoor.path) { [connection] inbound, outbound, context in
            try await connection.run(inbound: inbound, outbound: outbound, logger: context.logger)
        }
    }
}
