/// Which way `retrieve` pages from its `time`: `asc` towards the future, `desc` towards the past.
public enum ChannelRetrieveDirection: String, Sendable, Hashable, CaseIterable {
    case ascending = "asc"
    case descending = "desc"
}
