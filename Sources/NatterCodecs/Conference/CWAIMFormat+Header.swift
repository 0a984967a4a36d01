extension CWAIMFormat {
    /// Reads the header's value, with or without the leading `X-MMS-IM-Format:` name. Never fails: unknown or
    /// garbled parameters land in ``otherParameters`` or keep their raw text.
    public init(header: String) {
        var text = Substring(header.trimmingCWAWhitespace())
        if let colon = text.firstIndex(of: ":"),
            String(text[..<colon]).trimmingCWAWhitespace().lowercased() == Self.headerName.lowercased()
        {
            text = text[text.index(after: colon)...]
        }
        self.init()
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]).trimmingCWAWhitespace()
            guard !name.isEmpty else { continue }
            let value = pair.count > 1 ? String(pair[1]).trimmingCWAWhitespace() : ""
            apply(name: name, value: value)
        }
    }

    private mutating func apply(name: String, value: String) {
        switch name.uppercased() {
        case "FN": font = value.removingPercentEncodingLeniently()
        case "EF":
            let parsed = value.compactMap { Effect(rawValue: Character($0.uppercased())) }
            // A letter we do not know would be lost by a re-encoding; keep the whole value instead.
            if parsed.count == value.count {
                effects = Set(parsed)
            } else {
                otherParameters.append(Parameter(name: name, value: value))
            }
        case "CO":
            if let parsed = CWAColor(msnHex: value) {
                color = parsed
            } else {
                otherParameters.append(Parameter(name: name, value: value))
            }
        case "CS": charset = value
        case "PF": pitchAndFamily = value
        default: otherParameters.append(Parameter(name: name, value: value))
        }
    }

    /// The header value in MSN's order (`FN`, `EF`, `CO`, `CS`, `PF`, then the rest), without the header name.
    public var headerValue: String {
        var parts: [String] = []
        if let font { parts.append("FN=" + font.percentEncodedForIMFormat()) }
        parts.append("EF=" + Effect.allCases.filter { effects.contains($0) }.map { String($0.rawValue) }.joined())
        if let color { parts.append("CO=" + color.msnHex) }
        if let charset { parts.append("CS=" + charset) }
        if let pitchAndFamily { parts.append("PF=" + pitchAndFamily) }
        parts += otherParameters.map { "\($0.name)=\($0.value)" }
        return parts.joined(separator: "; ")
    }

    /// `X-MMS-IM-Format: …`, as the seed's `<Format>` element holds it.
    public var header: String { Self.headerName + ": " + headerValue }
}

extension String {
    /// `%XX` escapes decoded as UTF-8; a stray `%` stays as it is.
    fileprivate func removingPercentEncodingLeniently() -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(self.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let byte = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes what would break the header (`;`, `=`, `%`, spaces, controls and non-ASCII) as `%XX`.
    fileprivate func percentEncodedForIMFormat() -> String {
        var output = ""
        for byte in utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: ";"), byte != UInt8(ascii: "="),
                byte != UInt8(ascii: "%")
            {
                output.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
