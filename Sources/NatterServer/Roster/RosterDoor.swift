import Hummingbird
import ServiceLifecycle

/// Zimbra IM over SOAP 1.2 (seed 000): `POST /service/soap/`, authenticated in the body by AuthRequest and
/// then by the context's auth token. Sessions, notifications and the long poll are the door's own; chats,
/// typing and presence go through the core, so they meet Realtime's.
struct RosterDoor: Door {
    /// Zimbra's default SOAP session timeout: a client that stops asking is gone after it.
    static let sessionIdleTimeout: Duration = .seconds(600)
    /// How often idle sessions are looked for: a vanished client is offline at most this long after its timeout.
    static let sweepInterval: Duration = .seconds(30)

    let controller: RosterController
    /// The gateway bridges (Gateways/); `nil` when natterd offers no gateway service.
    let gateways: GatewayService?

    init(context: DoorContext, store: any RosterStore & GatewayStore) {
        let blocklist = RosterBlocklist()
        let presenceBook = RosterPresenceBook()
        let subscriptions = RosterSubscriptionBook()
        let encoder = RosterEventEncoder(
            domain: context.core.domain, blocklist: blocklist, presenceBook: presenceBook,
            subscriptions: subscriptions, clock: context.configuration.clock)
        let sessions = RosterSessions(idleTimeout: RosterDoor.sessionIdleTimeout)
        gateways = GatewayService.make(context: context, store: store, sessions: sessions)
        let service = RosterService(
            core: context.core, authenticator: context.authenticator, store: store,
            sessions: sessions, blocklist: blocklist,
            presenceBook: presenceBook, subscriptions: subscriptions, encoder: encoder,
            tokenLifetime: context.configuration.sessionLifetime, gateways: gateways,
            logger: context.logger)
        controller = RosterController(
            service: service, maxBodySize: context.configuration.maxFrameSize, logger: context.logger)
    }

    var migrations: [StorageMigration] { RosterMigrations.all + GatewayMigrations.all }

    func registerRoutes(on router: Router<NatterRequestContext>) {
        controller.register(on: router)
    }

    var services: [any Service] {
        [RosterSweeper(service: controller.service, interval: Self.sweepInterval)] + (gateways.map { [$0] } ?? [])
    }
}
