/// The `<session>` of a context header.
///
/// In a request, no session element means "no notifications", a bare `<session/>` (``id`` `nil`) asks for a new
/// session, and `seq` acknowledges the highest notification block processed. In a response, `id` is the session
/// to use from now on; a different id than the one sent means the old session expired.
public struct ZimbraSession: Sendable, Hashable {
    public var id: String?
    public var seq: Int64?

    public init(id: String? = nil, seq: Int64? = nil) {
        self.id = id
        self.seq = seq
    }
}
