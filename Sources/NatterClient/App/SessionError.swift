import ArgumentParser
import NatterProtocols

/// A session could not be set up or a scripted wait failed; the text is shown to the user as is, and `status` is
/// what the run exits with.
public struct SessionError: Error, Sendable, CustomStringConvertible {
    public let description: String
    let status: ExitCode

    init(_ description: String, status: ExitCode = .failure) {
        self.description = description
        self.status = status
    }

    /// An account gave up or failed to connect: a refused login is a permission problem, a settings mistake a
    /// configuration one, anything else the server being unavailable.
    static func connection(_ reason: String) -> SessionError {
        let refused = [LoginError.rejected, LoginError.emptyPassword].map(\.description)
        if refused.contains(where: reason.hasPrefix) || reason.hasPrefix("cannot start: no password") {
            return SessionError(reason, status: ExitStatus.noPermission)
        }
        return SessionError(reason, status: ExitStatus.unavailable)
    }
}
