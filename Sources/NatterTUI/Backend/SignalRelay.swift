import Glibc

/// Signal handlers can only do async-signal-safe work, so they write one byte to the wake pipe and the UI thread
/// does the rest. Crash signals cannot wait for the loop: they restore the saved tty modes and reset the screen
/// directly (both async-signal-safe), then die with the original signal.
enum SignalRelay {
    // Written once before the handlers are installed and only read inside them.
    nonisolated(unsafe) private static var wakeFD: Int32 = -1
    nonisolated(unsafe) private static var savedTermios = termios()
    nonisolated(unsafe) private static var haveSavedTermios = false

    /// Leaves bracketed paste, the alternate screen and hidden-cursor mode.
    static let resetSequence: [UInt8] = Array("\u{1B}[?2004l\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n".utf8)

    static let quitSignals = [SIGTERM, SIGINT, SIGHUP]
    static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Call before `initscr`, while the tty still has the user's settings.
    static func saveTerminalModes() {
        haveSavedTermios = tcgetattr(STDIN_FILENO, &savedTermios) == 0
    }

    static func install(wakeFD fd: Int32) {
        wakeFD = fd
        set(SIGWINCH) { _ in SignalRelay.send(WakePipe.Reason.resize.rawValue) }
        set(SIGTERM) { _ in SignalRelay.send(WakePipe.Reason.quit.rawValue) }
        set(SIGHUP) { _ in SignalRelay.send(WakePipe.Reason.hangup.rawValue) }
        set(SIGINT) { _ in SignalRelay.send(WakePipe.Reason.interrupt.rawValue) }
        for signal in crashSignals {
            set(signal) { number in
                SignalRelay.restoreTerminal()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
        // A closed terminal must not kill us with SIGPIPE mid-write; the quit path handles it.
        Glibc.signal(SIGPIPE, SIG_IGN)
    }

    static func uninstall() {
        wakeFD = -1
        for signal in [SIGWINCH] + quitSignals + crashSignals { Glibc.signal(signal, SIG_DFL) }
    }

    static func restoreTerminal() {
        if haveSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios) }
        resetSequence.withUnsafeBytes { bytes in _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count) }
    }

    private static func send(_ byte: UInt8) {
        guard wakeFD >= 0 else { return }
        var value = byte
        _ = write(wakeFD, &value, 1)
    }

    private static func set(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, nil)
    }
}
