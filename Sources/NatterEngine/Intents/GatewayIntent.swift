import NatterModel

/// The user's gateway requests, on one account.
public enum GatewayIntent: Sendable, Equatable {
    /// Opens the gateways window and asks every account that can for its services, so the view starts current.
    case open
    case list(account: AccountID)
    /// The password goes to the server once and is kept nowhere in the client.
    case register(service: String, name: String, password: String, account: AccountID)
    case unregister(service: String, account: AccountID)
    case reconnect(service: String, account: AccountID)
}
