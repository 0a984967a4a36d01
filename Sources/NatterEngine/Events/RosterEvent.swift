import Foundation
import NatterModel

public enum RosterEvent: Sendable, Equatable {
    /// This adapter's whole roster: replaces what it contributed before, and only that.
    case loaded([Contact])
    /// Every group this adapter's list has, empty ones included; replaces what it said before.
    case groups([String])
}
