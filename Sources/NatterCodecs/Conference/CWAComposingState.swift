/// Whether a participant is typing, for `notifyComposing` and `composingState`.
public enum CWAComposingState: String, Sendable, Hashable, CaseIterable {
    case composing
    case idle
}
