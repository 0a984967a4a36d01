import Foundation

public struct ContactStoreAdapterConfiguration: Sendable {
    /// The EWS endpoint: a server's base URL (natterd: `/EWS/Exchange.asmx` is appended) or the full `….asmx` URL.
    public var serverURL: String
    public var user: String
    public var password: String
    /// The domain of bare addresses (`bob` is `bob@domain`).
    public var domain: String
    public var caFile: String?
    /// How long to wait before fetching the list again after a failure.
    public var retryDelay: Duration

    public init(
        serverURL: String, user: String, password: String, domain: String = "natter.test", caFile: String? = nil,
        retryDelay: Duration = .seconds(5)
    ) {
        self.serverURL = serverURL
        self.user = user
        self.password = password
        self.domain = domain
        self.caFile = caFile
        self.retryDelay = retryDelay
    }

    public var endpoint: String {
        if serverURL.lowercased().hasSuffix(".asmx") { return serverURL }
        return serverURL.hasSuffix("/") ? serverURL + "EWS/Exchange.asmx" : serverURL + "/EWS/Exchange.asmx"
    }
}
