/// `t:ResponseClassType`: the `ResponseClass` attribute of every EWS response message.
public enum EWSResponseClass: String, Sendable, Hashable, CaseIterable {
    case success = "Success"
    case warning = "Warning"
    case error = "Error"
}
