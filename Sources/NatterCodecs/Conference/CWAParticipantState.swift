/// Whether a participant joined or left a conference, for the `participant` event.
public enum CWAParticipantState: String, Sendable, Hashable, CaseIterable {
    case joined
    case left
}
