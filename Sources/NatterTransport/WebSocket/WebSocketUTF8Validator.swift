/// Incremental UTF-8 validator: a DFA over byte classes (Unicode Table 3-7), resumable across frame
/// boundaries so a text message can be rejected at the first frame that makes it invalid.
public struct WebSocketUTF8Validator: Sendable {
    private static let accept: UInt8 = 0
    private static let reject: UInt8 = 1
    private static let classCount = 12

    /// Byte → class: 0 ASCII, 1 80–8F, 2 90–9F, 3 A0–BF, 4 never valid, 5 C2–DF, 6 E0, 7 E1–EC/EE–EF,
    /// 8 ED, 9 F0, 10 F1–F3, 11 F4.
    private static let byteClass: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x00...0x7F: return 0
        case 0x80...0x8F: return 1
        case 0x90...0x9F: return 2
        case 0xA0...0xBF: return 3
        case 0xC2...0xDF: return 5
        case 0xE0: return 6
        case 0xED: return 8
        case 0xE1...0xEF: return 7
        case 0xF0: return 9
        case 0xF1...0xF3: return 10
        case 0xF4: return 11
        default: return 4
        }
    }

    /// States: 0 accept, 1 reject, 2/3/4 expect 1/2/3 continuation bytes, 5 after E0 (A0–BF next),
    /// 6 after ED (80–9F next, no surrogates), 7 after F0 (90–BF next), 8 after F4 (80–8F next, ≤ U+10FFFF).
    private static let transitions: [UInt8] = {
        var table = [UInt8](repeating: reject, count: 9 * classCount)
        func set(_ state: Int, _ classes: [Int], _ next: UInt8) {
            for byteClass in classes { table[state * classCount + byteClass] = next }
        }
        set(0, [0], 0)
        set(0, [5], 2)
        set(0, [7], 3)
        set(0, [10], 4)
        set(0, [6], 5)
        set(0, [8], 6)
        set(0, [9], 7)
        set(0, [11], 8)
        set(2, [1, 2, 3], 0)
        set(3, [1, 2, 3], 2)
        set(4, [1, 2, 3], 3)
        set(5, [3], 2)
        set(6, [1, 2], 2)
        set(7, [2, 3], 3)
        set(8, [1], 3)
        return table
    }()

    private var state: UInt8 = 0

    public init() {}

    /// True when everything fed so far is valid and ends on a code point boundary.
    public var isComplete: Bool { state == Self.accept }

    public mutating func reset() { state = Self.accept }

    /// Feeds more bytes; returns false as soon as the input can no longer be valid UTF-8.
    public mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard state != Self.reject, let base = bytes.baseAddress else { return state != Self.reject }
        let count = bytes.count
        var current = state
        var offset = 0
        Self.byteClass.withUnsafeBufferPointer { classes in
            Self.transitions.withUnsafeBufferPointer { table in
                while offset < count {
                    // Text is mostly ASCII; skipping 8 such bytes per step keeps validation near memory speed.
                    if current == Self.accept {
                        while offset + 8 <= count,
                            base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                        {
                            offset += 8
                        }
                        if offset == count { break }
                    }
                    let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                    current = table[Int(current) * Self.classCount + Int(classes[Int(byte)])]
                    if current == Self.reject { break }
                    offset += 1
                }
            }
        }
        state = current
        return current != Self.reject
    }

    public mutating func validate(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { validate($0) }
    }
}
