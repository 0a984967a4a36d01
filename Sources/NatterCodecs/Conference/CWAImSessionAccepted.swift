/// `<initiateImSessionAccepted rid confId/>`: the conference id the server gave the new session.
public struct CWAImSessionAccepted: Sendable, Hashable {
    public var rid: String
    public var confId: String

    public init(rid: String, confId: String) {
        self.rid = rid
        self.confId = confId
    }
}
