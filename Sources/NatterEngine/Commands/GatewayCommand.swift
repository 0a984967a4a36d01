/// Gateways onto other chat servers (Zimbra IM's IMGatewayList / IMGatewayRegister), carried by the Roster adapter.
public enum GatewayCommand: Sendable, Equatable {
    case list
    case register(service: String, name: String, password: String)
    case unregister(service: String)
    case reconnect(service: String)
}
