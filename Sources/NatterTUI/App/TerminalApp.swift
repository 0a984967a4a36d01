import Foundation
import Glibc
import NatterEngine
import NatterModel

/// The full-screen chat UI: owns the terminal while `run()` is active.
///
/// One thread does all curses work. It sleeps in `poll()` on the keyboard and a self-pipe; the engine's observer
/// and wake scheduler, and the signal handlers, only write a byte to that pipe. While nothing is scheduled the
/// poll has no timeout, so an idle client uses no CPU.
public final class TerminalApp {
    private let store: EngineStore
    private let theme: Theme
    private let domain: String
    private var ui = InterfaceState()
    private var model = ScreenModel()
    private var decoder = KeyDecoder()
    private var pipe: WakePipe?
    private let attention: AttentionSettings
    private var tracker = AttentionTracker()
    private var receipts = ReceiptTracker()
    /// `mouse = true` in config.toml: clicks and the wheel are reported.
    private let mouse: Bool
    /// The signal that ended the run (SIGINT twice, SIGTERM, SIGHUP), for an exit status of 128 + its number;
    /// nil after `/quit`.
    public private(set) var endingSignal: Int32?

    public init(
        store: EngineStore, theme: Theme, domain: String, attention: AttentionSettings = AttentionSettings(),
        timestampFormat: TimestampFormat = .standard, showsRoomStatus: Bool = true,
        keyBindings: KeyBindings = .defaults, mouse: Bool = false
    ) {
        self.mouse = mouse
        ui.keyBindings = keyBindings
        self.store = store
        self.theme = theme
        self.domain = domain
        self.attention = attention
        ui.highlightWords = attention.highlightWords
        model.timestampFormat = timestampFormat
        model.highlightWords = attention.highlightWords
        model.showsRoomStatus = showsRoomStatus
    }

    /// The nick column (`prefix_align`, `prefix_align_max` in config.toml); call before `run()`.
    public func alignPrefixes(_ align: PrefixAlign, max: Int) {
        model.prefixAlign = align
        model.prefixAlignMax = max
    }

    /// Runs until the user quits (`/quit`, SIGINT/SIGTERM/SIGHUP) and restores the terminal before returning.
    public func run() throws {
        let pipe = try WakePipe()
        self.pipe = pipe
        defer {
            pipe.close()
            self.pipe = nil
        }
        let backend = try CursesBackend(theme: theme)
        defer {
            backend.shutdown()
            SignalRelay.uninstall()
        }
        if mouse { backend.enableMouse() }
        SignalRelay.install(wakeFD: pipe.writeFD)
        let observer = store.observe { pipe.notify() }
        defer { store.removeObserver(observer) }
        store.setWakeScheduler { date in pipe.schedule(date) }
        // Wakes the engine asked for before we were its scheduler were dropped; typing lapses are the ones that matter.
        if let lapse = store.state.typingDeadlines.values.min() { pipe.schedule(lapse) }
        ui.rows = backend.rows
        ui.columns = backend.columns
        _ = tracker.update(state: store.state, words: attention.highlightWords)
        render(backend)
        while !store.state.isQuitting {
            let (keyboard, wakeup) = wait(pipe: pipe)
            if wakeup {
                let reasons = pipe.drain()
                if reasons.contains(.quit) { quit(signal: SIGTERM) }
                if reasons.contains(.hangup) { quit(signal: SIGHUP) }
                for reason in reasons where reason == .interrupt { interrupt() }
                if reasons.contains(.resize) { resize(backend) }
            }
            if keyboard { readKeys(backend) }
            fireTimers()
            if store.state.isQuitting { break }
            alert(tracker.update(state: store.state, words: attention.highlightWords))
            render(backend)
        }
    }

    /// Blocks until input, a wake byte, or the next deadline.
    private func wait(pipe: WakePipe) -> (keyboard: Bool, wakeup: Bool) {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0),
        ]
        let timeout = Self.pollTimeout(until: nextDeadline(), now: Date())
        let result = poll(&fds, 2, timeout)
        guard result > 0 else { return (false, false) }
        let hangup = Int16(POLLHUP | POLLERR)
        if fds[0].revents & hangup != 0 { store.dispatch(.quit) }
        return (fds[0].revents & Int16(POLLIN) != 0, fds[1].revents & Int16(POLLIN) != 0)
    }

    /// Milliseconds until `deadline`, -1 (forever) without one; rounded up so we never wake a hair early. There is
    /// no cap: every engine change writes to the wake pipe (see `WakePipe.drain` for why none goes missing).
    static func pollTimeout(until deadline: Date?, now: Date) -> Int32 {
        guard let deadline else { return -1 }
        let milliseconds = (deadline.timeIntervalSince(now) * 1000).rounded(.up)
        return Int32(max(0, min(milliseconds, Double(Int32.max))))
    }

    /// The earliest of: an engine wake, the typing-idle deadline, the next second of a reconnect countdown.
    private func nextDeadline() -> Date? {
        var candidates: [Date] = []
        if let wake = pipe?.scheduledWake { candidates.append(wake) }
        if let idle = ui.nextDeadline { candidates.append(idle) }
        let now = Date()
        if let expiry = ScreenModel.noticeExpiry(state: store.state, now: now) { candidates.append(expiry) }
        let countdowns = store.state.accounts.values.compactMap { account -> Date? in
            guard case .reconnecting(_, let retryAt, _) = account.connection else { return nil }
            return retryAt
        }
        for retryAt in countdowns {
            let remaining = retryAt.timeIntervalSince(now)
            if remaining > 0 {
                let fraction = remaining - remaining.rounded(.down)
                candidates.append(now.addingTimeInterval(fraction > 0.001 ? fraction : 1))
            }
        }
        return candidates.min()
    }

    private func fireTimers() {
        let now = Date()
        if pipe?.takeDueWake(now: now) == true { store.tick(now) }
        perform(ui.tick(now: now), backend: nil)
    }

    private func readKeys(_ backend: CursesBackend) {
        var keys: [Key] = []
        for input in backend.readAvailable() { keys += decoder.feed(input) }
        keys += decoder.flush()
        if !keys.isEmpty { receipts.input(at: Date()) }
        for key in keys {
            if key == .resize {
                resize(backend)
                continue
            }
            perform(ui.handle(key, state: store.state, now: Date()), backend: backend)
            if store.state.isQuitting { return }
        }
    }

    private func perform(_ actions: [AppAction], backend: CursesBackend?) {
        for action in actions {
            switch action {
            case .dispatch(let intent): store.dispatch(intent)
            case .clearWindow(let window): ui.clearedBefore[window] = Date()
            case .redrawAll: backend?.invalidate()
            case .filterRoster(let text): perform(ui.filterRoster(text, state: store.state), backend: backend)
            case .setTheme(let name): setTheme(name, backend: backend)
            case .showMembers(let show): ui.showsMembers = show ?? !ui.showsMembers
            case .search(let text):
                let state = store.state
                let matches = text.isEmpty ? [] : store.search(text, in: state.activeWindow.conversationID)
                perform(ui.search(text, matches: matches, state: state), backend: backend)
            case .lastlog(let text):
                perform(InterfaceState.lastlog(text, matches: store.search(text), state: store.state), backend: backend)
            case .showKeyBindings: perform(ui.keyBindingHelp(), backend: backend)
            case .promptSecret(let prompt): ui.secretPrompt = prompt
            }
        }
    }

    /// BEL (so terminals and tmux flag the window) and the notify command, for private messages and highlights.
    private func alert(_ alerts: [AttentionTracker.Alert]) {
        guard !alerts.isEmpty else { return }
        if attention.bell {
            var bell: UInt8 = 0x07
            _ = write(STDOUT_FILENO, &bell, 1)
        }
        for alert in alerts {
            guard let arguments = attention.arguments(for: alert) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                store.dispatch(.notice(.warning("notify_command: \(error)")))
            }
        }
    }

    private func setTheme(_ name: String, backend: CursesBackend?) {
        let (theme, error) = Theme.resolve(name, environment: ProcessInfo.processInfo.environment)
        if let error {
            let names = Theme.builtinNames.joined(separator: ", ")
            store.dispatch(.notice(.error("/theme: \(error); the themes are \(names), or a path to a .toml file")))
            return
        }
        backend?.apply(theme)
        store.dispatch(.notice(.info("theme: \(theme.name)")))
    }

    private func quit(signal: Int32) {
        endingSignal = endingSignal ?? signal
        store.dispatch(.quit)
    }

    private func interrupt() {
        let (quits, actions) = ui.interrupt(state: store.state, now: Date())
        perform(actions, backend: nil)
        if quits { quit(signal: SIGINT) }
    }

    private func resize(_ backend: CursesBackend) {
        backend.resize()
        ui.rows = backend.rows
        ui.columns = backend.columns
    }

    private func render(_ backend: CursesBackend) {
        let now = Date()
        let frame = model.render(state: store.state, ui: &ui, now: now)
        backend.draw(frame)
        // Dispatching changes the state and wakes the loop once more; by then nothing is owed, so it stops there.
        let earned = receipts.receipts(
            state: store.state, shown: { model.visibleMessageIDs(state: store.state, ui: ui) },
            atBottom: ui.scrollOffset(of: store.state.activeWindow) == 0, now: now)
        for intent in earned { store.dispatch(intent) }
    }
}
