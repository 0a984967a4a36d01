/// An active chat in IMGetRoster's answer: the thread and the other participants' addresses.
public struct IMActiveChat: Sendable, Hashable {
    public var thread: String
    /// Participants other than the user asking.
    public var participants: [String]

    public init(thread: String, participants: [String]) {
        self.thread = thread
        self.participants = participants
    }
}
