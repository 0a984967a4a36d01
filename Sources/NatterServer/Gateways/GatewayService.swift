import Foundation
import Logging
import NatterCodecs
import NatterModel
import ServiceLifecycle
import Synchronization

/// The gateways of the Zimbra IM door: the services `--gateway` offers, one `GatewayBridge` per registration,
/// and the IM requests that concern them (IMGatewayList, IMGatewayRegister, and chats with gateway addresses).
/// It lives as long as the server: `run` starts the stored registrations and shuts them down at the end.
final class GatewayService: Service, Sendable {
    let services: [GatewayServiceConfiguration]
    private let core: HubService
    private let store: any GatewayStore
    private let sessions: RosterSessions
    private let secrets: GatewaySecretBox?
    private let tls: GatewayTLS
    private let retry: (initial: Int64, maximum: Int64)
    private let logger: Logger
    /// Bridges by user (lower-cased) and service name.
    private let bridges = Mutex<[String: [String: GatewayBridge]]>([:])

    init(
        services: [GatewayServiceConfiguration], core: HubService, store: any GatewayStore, sessions: RosterSessions,
        secrets: GatewaySecretBox?, tls: GatewayTLS, retry: (initial: Int64, maximum: Int64), logger: Logger
    ) {
        self.services = services
        self.core = core
        self.store = store
        self.sessions = sessions
        self.secrets = secrets
        self.tls = tls
        self.retry = retry
        self.logger = logger
    }

    func run() async throws {
        core.hub.presenceObservers.add { [weak self] change in
            self?.bridges(of: change.user).forEach { $0.localPresence(change.presence) }
        }
        do {
            try await startStoredRegistrations()
        } catch {
            logger.error("cannot load gateway registrations", metadata: ["error": "\(error)"])
        }
        try? await gracefulShutdown()
        let all = bridges.withLock { state in
            defer { state = [:] }
            return state.values.flatMap(\.values)
        }
        for bridge in all { bridge.shutdown(forget: false) }
    }

    /// The bridged contacts, listed in the `roster` notification beside the core's buddy list (so a client
    /// that asks for the roster again after a `subscribed` is not answered with more `subscribed`).
    func rosterItems(for user: String) -> [IMRosterItem] {
        bridges(of: user).flatMap(\.rosterItems)
    }

    /// What follows the roster: each registration's state and its contacts' presence.
    func rosterExtras(for user: String) -> [IMNotification] {
        bridges(of: user).flatMap { [$0.statusNotification] + $0.presenceNotifications }
    }

    /// Answers the requests that concern gateways; `nil` for every other request, which the door answers.
    func perform(_ request: RosterRequest, user: StoredUser) async throws -> RosterResponse? {
        switch request {
        case .gatewayList:
            let mine = Dictionary(uniqueKeysWithValues: bridges(of: user.name).map { ($0.registration.service, $0) })
            return .gatewayList(
                services.map { service in
                    IMGatewayService(
                        name: service.name, type: "ryver", domain: service.name,
                        registration: mine[service.name]?.status)
                })
        case .gatewayRegister(let service, let operation):
            return .gatewayRegister(success: try await register(operation, service: service.lowercased(), user: user))
        case .sendMessage(.address(let addr), let content), .sendMessage(.thread(let addr), let content):
            guard let address = GatewayAddress(addr) else { return nil }
            let bridge = try requireBridge(address, user: user)
            let text = content.body?.text ?? content.subjects.map(\.text).joined(separator: "\n")
            if text.isEmpty {
                bridge.typing(content.typing, to: address.remoteJID)
            } else {
                try await bridge.send(text: text, to: address.remoteJID)
            }
            return .sendMessage(thread: address.description)
        case .getChat(let thread, _, _):
            // The remote keeps the history; natterd only relays, so the thread starts empty here.
            guard let address = GatewayAddress(thread) else { return nil }
            _ = try requireBridge(address, user: user)
            return .getChat(.found(IMChat(thread: address.description)))
        case .modifyChat(let thread, .close), .joinChat(let thread, _):
            guard let address = GatewayAddress(thread), services.contains(where: { $0.name == address.service }) else {
                return nil
            }
            if case .joinChat = request { return .joinChat(thread: address.description, found: true) }
            return .modifyChat(thread: address.description, found: true)
        default:
            return nil
        }
    }

    // MARK: - Registrations

    private func register(
        _ operation: RosterRequest.GatewayOperation, service: String, user: StoredUser
    ) async throws
        -> Bool
    {
        guard let configuration = services.first(where: { $0.name == service }), let secrets else {
            throw ZimbraFault(code: .invalidRequest, reason: "no gateway service \(service)")
        }
        switch operation {
        case .register(let name, let password):
            let stored = StoredGatewayRegistration(
                user: user.name, service: service, remoteName: name, sealedPassword: try secrets.seal(password))
            try await store.saveGatewayRegistration(stored)
            remove(user: user.name, service: service)?.shutdown(forget: true)
            logger.info("gateway registered", metadata: ["user": "\(user.name)", "service": "\(service)"])
            await start(stored, password: password, configuration: configuration)
            return true
        case .unregister:
            guard let bridge = remove(user: user.name, service: service) else { return false }
            try await store.deleteGatewayRegistration(user: user.name, service: service)
            bridge.shutdown(forget: true)
            logger.info("gateway unregistered", metadata: ["user": "\(user.name)", "service": "\(service)"])
            return true
        case .reconnect:
            guard let bridge = bridges(of: user.name).first(where: { $0.registration.service == service }) else {
                return false
            }
            bridge.reconnect()
            return true
        }
    }

    private func startStoredRegistrations() async throws {
        guard let secrets else { return }
        for stored in try await store.gatewayRegistrations() {
            guard let configuration = services.first(where: { $0.name == stored.service }) else {
                logger.notice(
                    "gateway registration for a service no longer offered",
                    metadata: ["user": "\(stored.user)", "service": "\(stored.service)"])
                continue
            }
            do {
                await start(stored, password: try secrets.open(stored.sealedPassword), configuration: configuration)
            } catch {
                logger.error(
                    "gateway registration unusable",
                    metadata: ["user": "\(stored.user)", "service": "\(stored.service)", "error": "\(error)"])
            }
        }
    }

    private func start(
        _ stored: StoredGatewayRegistration, password: String, configuration: GatewayServiceConfiguration
    ) async {
        let user = stored.user
        let service = stored.service
        let sessions = sessions
        let outbox: [RealtimeChat]
        do {
            outbox = try await store.gatewayOutbox(user: user, service: service)
        } catch {
            logger.error("cannot load the gateway outbox", metadata: ["user": "\(user)", "error": "\(error)"])
            outbox = []
        }
        let bridge = GatewayBridge(
            registration: .init(
                user: user, service: service, serviceURL: configuration.url, remoteName: stored.remoteName,
                password: password),
            cursor: stored.cursor, outbox: outbox, localUserOnline: await core.hub.presence(of: user).isOnline,
            localDomain: core.domain, tls: tls, retry: retry, clock: core.clock, logger: logger, store: store,
            deliver: { notifications in
                guard !notifications.isEmpty else { return }
                for session in sessions.sessions(of: user) { session.deliver(notifications) }
            })
        bridges.withLock { $0[user.lowercased(), default: [:]][service] = bridge }
        bridge.begin()
    }

    private func remove(user: String, service: String) -> GatewayBridge? {
        bridges.withLock { $0[user.lowercased()]?.removeValue(forKey: service) }
    }

    private func bridges(of user: String) -> [GatewayBridge] {
        bridges.withLock {
            ($0[user.lowercased()] ?? [:]).values.sorted { $0.registration.service < $1.registration.service }
        }
    }

    private func requireBridge(_ address: GatewayAddress, user: StoredUser) throws -> GatewayBridge {
        guard let bridge = bridges(of: user.name).first(where: { $0.registration.service == address.service }) else {
            throw ZimbraFault(code: .invalidAddress, reason: "not registered with gateway \(address.service)")
        }
        return bridge
    }
}

extension GatewayService {
    /// The door's gateways, or `nil` when natterd offers none. The key sealing passwords sits beside the
    /// database (`<db>.gateway-key`).
    static func make(context: DoorContext, store: any GatewayStore, sessions: RosterSessions) -> GatewayService? {
        let configuration = context.configuration
        guard !configuration.gateways.isEmpty else { return nil }
        let secrets: GatewaySecretBox?
        do {
            secrets = try GatewaySecretBox.loadingKey(at: context.storage.path + ".gateway-key")
        } catch {
            context.logger.error("gateways disabled: no usable key", metadata: ["error": "\(error)"])
            secrets = nil
        }
        let tls: GatewayTLS
        do {
            tls = try GatewayTLS(certificateAuthorityFile: configuration.gatewayCertificateAuthorityPath)
        } catch {
            // natterd checks the file before it starts; this is a server embedded with a bad path.
            context.logger.error("gateways disabled: no usable TLS configuration", metadata: ["error": "\(error)"])
            return nil
        }
        return GatewayService(
            services: configuration.gateways, core: context.core, store: store, sessions: sessions, secrets: secrets,
            tls: tls, retry: configuration.gatewayRetry, logger: context.logger)
    }
}
