import CNcursesw
import Glibc

extension CursesBackend {
    /// Everything `wget_wch` has queued, without blocking (the input window is in no-delay mode).
    func readAvailable() -> [KeyDecoder.Input] {
        guard let window = inputWindow ?? windows[.input] else { return [] }
        var inputs: [KeyDecoder.Input] = []
        var value: wint_t = 0
        while true {
            let result = wget_wch(window, &value)
            if result == natter_key_code_yes() {
                if Int32(value) == natter_key_mouse() {
                    if let event = readMouse() { inputs.append(.key(.mouse(event))) }
                } else if let key = extendedKeys[Int32(value)] ?? Self.translate(code: Int32(value)) {
                    inputs.append(.key(key))
                }
            } else if result == natter_ok(), let scalar = Unicode.Scalar(UInt32(value)) {
                inputs.append(.scalar(scalar))
            } else {
                break
            }
        }
        return inputs
    }

    /// Turns mouse reporting on (`mouse = true`); curses sends the terminal's sequence and `endwin` turns it off.
    func enableMouse() { natter_mouse_enable() }

    static let mouseMasks = MouseEvent.Masks(
        press: UInt(natter_mouse_button1_pressed()), click: UInt(natter_mouse_button1_clicked()),
        wheelUp: UInt(natter_mouse_wheel_up()), wheelDown: UInt(natter_mouse_wheel_down()))

    private func readMouse() -> MouseEvent? {
        var row: Int32 = 0
        var column: Int32 = 0
        var buttons: UInt = 0
        guard natter_getmouse(&row, &column, &buttons) == natter_ok() else { return nil }
        return MouseEvent.decode(buttons: buttons, row: Int(row), column: Int(column), masks: Self.mouseMasks)
    }

    /// xterm's terminfo names Alt+key `k…3` (kUP3 is `ESC [1;3A`); curses numbers them above `KEY_MAX`.
    static func lookUpExtendedKeys() -> [Int32: Key] {
        let names: [(String, Key)] = [
            ("kUP3", .up), ("kDN3", .down), ("kLFT3", .left), ("kRIT3", .right), ("kHOM3", .home),
            ("kEND3", .end), ("kPRV3", .pageUp), ("kNXT3", .pageDown), ("kDC3", .delete),
        ]
        var keys: [Int32: Key] = [:]
        for (name, key) in names {
            let code = natter_extended_key_code(name)
            if code > 0 { keys[code] = .altKey(key) }
        }
        return keys
    }

    /// curses' `KEY_*` codes in our terms; unknown function keys are dropped.
    static func translate(code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME, KEY_A1: .home
        case KEY_END, KEY_C1: .end
        case KEY_PPAGE, KEY_A3: .pageUp
        case KEY_NPAGE, KEY_C3: .pageDown
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BACKSPACE: .backspace
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 24): .function(Int(code - KEY_F0))
        default: nil
        }
    }
}
