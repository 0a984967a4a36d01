/// The life of a conference as the client sees it.
public enum CWAImSessionState: String, Sendable, Hashable, CaseIterable {
    case connecting
    case connected
    /// An invitation is waiting for `acceptImSession`.
    case incoming
    case terminated
}
