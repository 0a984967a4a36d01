/// The byte buffer the writer appends to, with XML 1.0 escaping rules.
struct XMLOutput {
    private(set) var bytes: [UInt8] = []
    let policy: XMLWriter.InvalidCharacterPolicy

    init(policy: XMLWriter.InvalidCharacterPolicy) {
        self.policy = policy
        bytes.reserveCapacity(512)
    }

    mutating func raw(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    /// Escapes `&`, `<` and `>` everywhere (`>` because of `]]>`), `"` in attributes, and writes
    /// CR (and TAB/LF in attributes) as character references so that end-of-line and
    /// attribute-value normalization on the reading side give back the original string.
    mutating func escaped(_ string: String, inAttribute: Bool, context: @autoclosure () -> String) throws {
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": raw("&amp;")
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "\"" where inAttribute: raw("&quot;")
            case "\r": raw("&#xD;")
            case "\n" where inAttribute: raw("&#xA;")
            case "\t" where inAttribute: raw("&#x9;")
            case "\t", "\n":
                bytes.append(UInt8(scalar.value))
            default:
                if Self.isAllowed(scalar) {
                    bytes.append(contentsOf: String(scalar).utf8)
                } else if policy == .replace {
                    bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    throw XMLError.invalidCharacter(scalar, context: context())
                }
            }
        }
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    /// Swift strings never hold surrogates, so only the C0 range and the two non-characters remain.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
