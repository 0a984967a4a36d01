import ArgumentParser
import Foundation

/// Exit statuses with the meanings of BSD's sysexits.h, so a script can tell "fix your settings" from "try later".
/// (ArgumentParser already exits 64, `EX_USAGE`, for a bad command line.)
public enum ExitStatus {
    /// `EX_USAGE`: the command was used wrongly (an unknown room, a bad address).
    public static let usage = ExitCode(64)
    /// `EX_UNAVAILABLE`: the server could not be reached or did not answer in time.
    public static let unavailable = ExitCode(69)
    /// `EX_NOPERM`: the login was refused or no password could be had.
    public static let noPermission = ExitCode(77)
    /// `EX_CONFIG`: config.toml or the account settings are wrong.
    public static let configuration = ExitCode(78)

    /// A run ended by a signal: 128 + its number, as a shell reports it (130 for Ctrl+C).
    public static func signal(_ number: Int32) -> ExitCode { ExitCode(128 + number) }

    /// The status an error that ended a run stands for.
    static func of(_ error: any Error) -> ExitCode {
        switch error {
        case let error as SessionError: error.status
        case is CredentialsError: noPermission
        case is ConfigurationError, is SelectionError: configuration
        default: .failure
        }
    }
}
