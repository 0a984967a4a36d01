import Foundation
import TOMLKit

extension Theme {
    /// Parses a theme document. Every style name and colour is checked, so a typo is reported, not ignored.
    public init(toml: String) throws(ThemeError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw .syntax(line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        } catch {
            throw .syntax(line: 0, column: 0, reason: "\(error)")
        }
        let name = table["name"]?.string ?? "custom"
        var styles: [StyleRole: Style] = [:]
        if let entries = table["styles"] {
            guard let entries = entries.table else { throw .badValue(key: "styles", reason: "must be a table") }
            for key in entries.keys {
                guard let role = StyleRole(rawValue: key) else { throw .unknownStyle(key) }
                guard let value = entries[key]?.table else {
                    throw .badValue(key: "styles.\(key)", reason: "must be a table such as { fg = \"red\" }")
                }
                styles[role] = try Self.style(value, key: "styles.\(key)")
            }
        }
        if styles[.text] == nil { styles[.text] = Style() }
        var nickColors: [Color] = []
        if let list = table["nick_colors"] {
            guard let array = list.array else {
                throw .badValue(key: "nick_colors", reason: "must be a list of colours such as [\"cyan\", 208]")
            }
            for (index, item) in array.enumerated() {
                nickColors.append(try Self.color(item, key: "nick_colors[\(index)]"))
            }
        }
        self.init(name: name, styles: styles, nickColors: nickColors)
    }

    /// Loads a theme file; the error names the file.
    public static func load(path: String) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        do {
            return try Theme(toml: text)
        } catch {
            throw error.inFile(path)
        }
    }

    private static func style(_ table: TOMLTable, key: String) throws(ThemeError) -> Style {
        var style = Style()
        for field in table.keys {
            let value = table[field]
            switch field {
            case "fg": style.foreground = try color(value, key: key + ".fg")
            case "bg": style.background = try color(value, key: key + ".bg")
            case "attrs":
                guard let array = value?.array else { throw .badValue(key: key + ".attrs", reason: "must be a list") }
                for item in array {
                    guard let word = item.string, let attribute = Attributes.names.first(where: { $0.0 == word }) else {
                        throw .badValue(
                            key: key + ".attrs",
                            reason: "unknown attribute \(item); use "
                                + Attributes.names.map(\.0).joined(separator: ", "))
                    }
                    style.attributes.insert(attribute.1)
                }
            default:
                throw .badValue(key: key + "." + field, reason: "unknown field; use fg, bg or attrs")
            }
        }
        return style
    }

    private static func color(_ value: (any TOMLValueConvertible)?, key: String) throws(ThemeError) -> Color {
        if let number = value?.int {
            guard (0...255).contains(number) else { throw .badValue(key: key, reason: "colour \(number) is not 0-255") }
            return .index(number)
        }
        guard let word = value?.string?.lowercased() else {
            throw .badValue(key: key, reason: "must be a colour name or a number 0-255")
        }
        if word == "default" { return .terminalDefault }
        let bright = word.hasPrefix("bright-")
        let base = bright ? String(word.dropFirst("bright-".count)) : word
        guard let index = colorNames.firstIndex(of: base) else {
            throw .badValue(
                key: key,
                reason: "unknown colour \"\(word)\"; use default, " + colorNames.joined(separator: ", ")
                    + ", bright-<name> or 0-255")
        }
        return .index(bright ? index + 8 : index)
    }
}
