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

    /// Types a line (a message or a command) and presses Enter.
    func enter(_ text: String) throws {
        try type(text)
        try press("Enter")
    }

    /// Named keys such as `Enter`, `M-2`, `C-n`.
    func press(_ key: String) throws { try tmux(["send-keys", "-t", name, key]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Resizes the pane as a user dragging the terminal's corner would: the program gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The screen with its attributes and colours as SGR escape sequences (`capture-pane -e`).
    func styledScreen() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", name]) }

    /// Polls the screen until it contains `text`; returns the last screen either way for diagnostics.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 45) throws -> (found: Bool, screen: String) {
        try waitFor(all: [text], timeout: timeout)
    }

    /// Waits until every one of `texts` is on screen at once.
    func waitFor(all texts: [String], timeout: Double = 45) throws -> (found: Bool, screen: String) {
        var screen = ""
        let found = try TestProcess.poll(timeout: timeout, interval: 100_000) {
            screen = try self.screen()
            return texts.allSatisfy(screen.contains)
        }
        return (found, screen)
    }

    /// Kills the program in the pane with SIGKILL, as a crash or a power cut would: no cleanup runs.
    func killProgram() throws {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs `sh -c "env … natter …; sleep 30"`: env execs natter, so it is the shell's child.
        let children = try TestProcess.run("/usr/bin/pgrep", ["-P", shell])
        let pids = children.stdout.split(separator: "\n").compactMap { Int32($0) }
        guard !pids.isEmpty else { throw NatterdError(description: "no program running in pane \(name)") }
        for pid in pids { kill(pid, SIGKILL) }
        // The shell reaps it; until then it is still "there" to the test, which must not race ahead.
        let deadline = Date().addingTimeInterval(10)
        while pids.contains(where: { kill($0, 0) == 0 && Self.isRunning($0) }) {
            guard Date() < deadline else { throw NatterdError(description: "natter in pane \(name) survived SIGKILL") }
            usleep(20_000)
        }
    }

    /// Alive and not a zombie waiting for its parent.
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return !status.contains(") Z ")
    }

    /// Opens a second window and makes it current, so the program's window is in the background, where tmux
    /// flags a bell (BEL) it receives.
    func openSecondWindow() throws {
        try tmux(["new-window", "-d", "-t", name]); try tmux(["select-window", "-t", name + ":1"])
    }

    /// Whether tmux has flagged a bell in the program's window (window 0).
    func bellFlagged() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name + ":0", "#{window_bell_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
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
