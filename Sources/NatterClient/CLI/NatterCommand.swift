import ArgumentParser
import Foundation
import NatterModel

/// `natter`: the terminal chat client, and a few scripting subcommands that use the same engine without the TUI.
public struct NatterCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "natter",
        abstract: "A terminal chat client.",
        discussion: "Run with --demo to try it against an embedded server with demo users.",
        version: NatterVersion.current,
        subcommands: [SendCommand.self, RosterCommand.self, TailCommand.self])

    @OptionGroup public var connection: ConnectionOptions

    @Option(name: .long, help: "Theme name from Themes/ (dark, light, mono) or a path to a theme file.")
    public var theme: String?

    public init() {}

    public func run() throws {
        do {
            let session = try ClientSession.open(connection, interactive: true)
            defer { session.close() }
            if let signal = try session.runTerminal(themeName: theme) { throw ExitStatus.signal(signal) }
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("natter: \(error)\n".utf8))
            throw ExitStatus.of(error)
        }
    }
}
