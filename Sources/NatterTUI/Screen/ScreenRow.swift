/// A run of text drawn in one style.
public struct StyledRun: Hashable, Sendable {
    public var text: String
    public var role: StyleRole
    /// Effects and colour on top of the role's style (a sender's format, a nick's colour).
    public var style: RunStyle?

    public init(_ text: String, _ role: StyleRole = .text, style: RunStyle? = nil) {
        self.text = text
        self.role = role
        self.style = style
    }
}

/// One row of a pane: styled runs that together fill exactly the pane's width in cells.
public struct ScreenRow: Hashable, Sendable {
    public var runs: [StyledRun]

    public init(_ runs: [StyledRun] = []) { self.runs = runs }

    public var text: String { runs.map(\.text).joined() }
    public var width: Int { runs.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    public mutating func append(_ text: String, _ role: StyleRole = .text, style: RunStyle? = nil) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.role == role, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append(StyledRun(text, role, style: style))
        }
    }

    /// Cuts or pads the row to exactly `width` cells; `fill` styles the padding (a status bar's background).
    public func fitted(to width: Int, fill: StyleRole? = nil) -> ScreenRow {
        var result = ScreenRow()
        var used = 0
        for run in runs {
            let remaining = width - used
            guard remaining > 0 else { break }
            let piece = TextLayout.truncate(run.text, to: remaining)
            result.append(piece, run.role, style: run.style)
            used += DisplayWidth.of(piece)
        }
        if used < width {
            result.append(String(repeating: " ", count: width - used), fill ?? runs.last?.role ?? .text)
        }
        return result
    }
}
