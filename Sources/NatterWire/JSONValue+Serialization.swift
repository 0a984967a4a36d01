/// A small JSON writer, because Foundation's does not let the caller choose key order and the wire format
/// promises `type` first with a fixed order after it (stable output makes byte-for-byte tests possible).
extension JSONValue {
    /// Compact JSON; object keys are sorted so equal values always serialize identically.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .double(let value):
            // JSON has no spelling for NaN or infinity.
            if value.isFinite {
                output += value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
            } else {
                output += "null"
            }
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            JSONValue.writeObject(members.sorted { $0.key < $1.key }, to: &output)
        }
    }

    /// Writes members in the order given, which is how encoders put `type` first.
    public static func writeObject(_ members: [(key: String, value: JSONValue)], to output: inout String) {
        output += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            writeString(member.key, to: &output)
            output += ":"
            member.value.write(to: &output)
        }
        output += "}"
    }

    static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            // U+2028/2029 are legal JSON but break JavaScript consumers and line-oriented logs.
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
