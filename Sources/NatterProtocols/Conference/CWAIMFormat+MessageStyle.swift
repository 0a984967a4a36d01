import NatterCodecs
import NatterModel

extension CWAIMFormat {
    /// The part of the header a front end can draw: effects, colour and font. `nil` when it asks for nothing
    /// beyond plain text, so an ordinary message stays an ordinary message in the engine and the cache.
    public var messageStyle: MessageStyle? {
        var style = MessageStyle(font: font)
        let effects: [(Effect, MessageStyle.Effects)] = [
            (.bold, .bold), (.italic, .italic), (.underline, .underline), (.strikethrough, .strikethrough),
        ]
        for (effect, mapped) in effects where self.effects.contains(effect) { style.effects.insert(mapped) }
        if let color {
            style.color = MessageStyle.Color(red: color.red, green: color.green, blue: color.blue)
        }
        // The client's default (a grey or black in its default font) is no request for anything.
        let colored = style.color.map { !$0.isGrey } ?? false
        guard !style.effects.isEmpty || colored else { return nil }
        return style
    }
}
