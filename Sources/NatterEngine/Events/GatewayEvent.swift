import Foundation

/// What the server said about the account's gateways.
public enum GatewayEvent: Sendable, Equatable {
    /// The services offered, each with the account's registration on it (IMGatewayList).
    case services([GatewayStatus])
    /// One registration changed state (`gwStatus`).
    case status(service: String, state: String, timeUntilNextConnect: Int64?)
    /// The remote account is in use from another client (`otherLocation`).
    case otherLocation(service: String, username: String)
}

/// A gateway service as the `/gateways` view shows it.
public struct GatewayStatus: Sendable, Equatable {
    public var service: String
    /// What kind of server the service bridges onto (`ryver`), and the domain its addresses use, as listed.
    public var kind: String?
    public var domain: String?
    /// The remote account's name; `nil` when the user has not registered with the service.
    public var remoteName: String?
    /// Seed 000's connection state (`online`, `trying_to_connect`, `bad_auth`, …); `nil` without a registration.
    public var state: String?
    /// When the next attempt is due, while backing off.
    public var nextConnect: Date?
    /// The remote user the server saw signed in from another client too (`otherLocation`), until the state moves.
    public var otherLocation: String?

    public init(
        service: String, kind: String? = nil, domain: String? = nil, remoteName: String? = nil, state: String? = nil,
        nextConnect: Date? = nil, otherLocation: String? = nil
    ) {
        self.service = service
        self.kind = kind
        self.domain = domain
        self.remoteName = remoteName
        self.state = state
        self.nextConnect = nextConnect
        self.otherLocation = otherLocation
    }
}
