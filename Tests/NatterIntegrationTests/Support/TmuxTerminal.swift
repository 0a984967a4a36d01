import Foundation

/// A real terminal for end-to-end TUI tests: a detached tmux session we type into and read back.
final class TmuxTerminal: @unchecked Sendable {
    let name: String
    private let socketName: String

    init(command: String, environment: [String: String], width: Int = 100, height: Int = 30) throws {
        name = "natter-\(UUID().uuidString.prefix(8))"
        socketName = "natter-test-\(getpid())"
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // No captured streams: the tmux server daemonises and would hold our pipes open forever.
        try tmux(
            capture: false,
            [
                "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \(exports) \(command); sleep 30",
            ])
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Named keys such as `Enter`, `M-2`, `C-n`.
    func press(_ key: String) throws { try tmux(["send-keys", "-t", name, key]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Polls the screen until it contains `text`; returns the last screen either way for diagnostics.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) throws -> (found: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return (true, last) }
            usleep(100_000)
        }
        return (false, last)
    }

    func close() { _ = try? tmux(capture: false, ["kill-session", "-t", name]) }

    deinit { close() }

    @discardableResult
    private func tmux(capture: Bool = true, _ arguments: [String]) throws -> String {
        let output = try TestProcess.run(
            "/usr/bin/tmux", ["-L", socketName] + arguments, timeout: 10, capture: capture)
        guard output.status == 0 else {
            throw NatterdError(description: "tmux \(arguments.first ?? "") failed: \(output.stderr)")
        }
        return output.stdout
    }

    private static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
