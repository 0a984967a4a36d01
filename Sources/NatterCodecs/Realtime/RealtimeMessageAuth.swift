import Foundation

/// `auth`: the first message on a connection, carrying the session from `User.Login`.
public struct RealtimeAuth: Sendable, Equatable {
    public var id: String?
    /// `Session <session id>`.
    public var authorization: String
    public var agent: String?
    public var resource: String?

    public init(id: String? = nil, authorization: String, agent: String? = nil, resource: String? = nil) {
        self.id = id
        self.authorization = authorization
        self.agent = agent
        self.resource = resource
    }

    public init(id: String? = nil, sessionID: String, agent: String? = nil, resource: String? = nil) {
        self.init(id: id, authorization: "Session \(sessionID)", agent: agent, resource: resource)
    }

    /// The session id when `authorization` uses the `Session` scheme (case-insensitive, as HTTP schemes are).
    public var sessionID: String? {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "session" else { return nil }
        let id = parts[1].trimmingCharacters(in: .whitespaces)
        return id.isEmpty ? nil : id
    }
}
