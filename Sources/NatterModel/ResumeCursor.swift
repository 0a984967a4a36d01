/// Where an adapter resumes after a reconnect: an opaque token only the adapter that issued it interprets.
///
/// The engine stores it per account and protocol, persists it with the cache, and hands it back in `catchUp`;
/// it never compares or parses one (a Realtime key, a Zimbra sequence number and a CWA event id look alike).
public struct ResumeCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    public let token: String

    public init(_ token: String) {
        self.token = token
    }

    public var description: String { token }
}
