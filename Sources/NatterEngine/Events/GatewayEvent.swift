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
    /// The remote account's name; `nil` when the user has not registered with the service.
    public var remoteName: String?
    /// Seed 000's connection state (`online`, `trying_to_connect`, `bad_auth`, …); `nil` without a registration.
    public var state: String?
    /// When the next attempt is due, while backing off.
    public var nextConnect: Date?

    public init(service: String, remoteName: String? = nil, state: String? = nil, nextConnect: Date? = nil) {
        self.service = service
        self.remoteName = remoteName
        self.state = state
        self.nextConnect = nextConnect
    }
}
