import Foundation
import NatterEngine
import NatterModel

extension InterfaceState {
    /// Keys bound to an action (`keyBindings`: the defaults and `[keys]`); nil lets the key go on to the window
    /// keys and the input line.
    mutating func boundKey(_ key: Key, state: ClientState, now: Date) -> [AppAction]? {
        if case .mouse(let event) = key { return mouse(event, state: state, now: now) }
        // A removal is confirmed only by the same action again at once.
        let pendingRemoval = roster.pendingRemoval
        roster.pendingRemoval = nil
        guard let action = keyBindings.action(for: key) else { return nil }
        return perform(action, state: state, now: now, pendingRemoval: pendingRemoval)
    }

    mutating func perform(
        _ action: KeyAction, state: ClientState, now: Date, pendingRemoval: RosterItem? = nil
    ) -> [AppAction]? {
        switch action {
        case .rosterUp: roster.move(by: -1, state: state)
        case .rosterDown: roster.move(by: 1, state: state)
        case .rosterPageUp: roster.move(by: -rosterPage, state: state)
        case .rosterPageDown: roster.move(by: rosterPage, state: state)
        case .rosterOpen: return rosterOpen(state: state, now: now)
        case .rosterFold: return rosterFold(true, state: state)
        case .rosterUnfold: return rosterFold(false, state: state)
        case .rosterRename: return rosterRename(state: state)
        case .rosterRemove: return rosterRemove(state: state, confirming: pendingRemoval)
        case .rosterHide:
            guard roster.cursor != nil else { return nil }
            roster.clearCursor()
        case .nextWindow: return leaving(to: .activateNext, now: now)
        case .previousWindow: return leaving(to: .activatePrevious, now: now)
        case .nextUnread: return leaving(to: .activateNextUnread, now: now)
        case .scrollUp: return pageUp(state: state)
        case .scrollDown: scroll(down: max(1, chatMetrics.scrollStep), state: state)
        case .scrollBottom:
            scrollOffsets[state.activeWindow] = nil
            search = nil
        case .searchNext: return nextSearchMatch(state: state)
        case .toggleMembers: showsMembers.toggle()
        case .redraw: return [.redrawAll]
        case .complete: complete(state: state)
        case .none: break
        }
        return []
    }

    var rosterPage: Int { max(1, roster.pageHeight - 1) }

    /// Leaving a window ends the typing notification there.
    private mutating func leaving(to intent: Intent, now: Date) -> [AppAction] {
        (composing.stop(now: now) + [intent]).map { .dispatch($0) }
    }

    mutating func scroll(down rows: Int, state: ClientState) {
        let window = state.activeWindow
        scrollOffsets[window] = max(0, scrollOffset(of: window) - rows)
        if scrollOffsets[window] == 0 { scrollOffsets[window] = nil }
    }

    /// `/help keys`: every binding in force, in the console.
    func keyBindingHelp() -> [AppAction] {
        let lines =
            ["keys in force ([keys] in config.toml rebinds them; Alt+1…9/0 choose a window):"]
            + keyBindings.helpLines
        return lines.map { .dispatch(.notice(.info($0))) }
    }
}
