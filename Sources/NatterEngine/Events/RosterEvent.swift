import Foundation
import NatterModel

public enum RosterEvent: Sendable, Equatable {
    /// This adapter's whole roster: replaces what it contributed before, and only that.
    case loaded([Contact])
}
