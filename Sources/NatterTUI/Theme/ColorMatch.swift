/// The terminal colour nearest to an RGB one, for the colours senders choose. Distances are squared
/// differences weighted for the eye (red 3, green 4, blue 2), which keeps pure hues on their ANSI colour.
enum ColorMatch {
    /// xterm's default RGB values for the 16 ANSI colours.
    static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
        (0, 255, 255), (255, 255, 255),
    ]

    /// The index of the nearest colour among the first `colors` (8, 16 or 256); `nil` without colours.
    static func nearest(red: UInt8, green: UInt8, blue: UInt8, colors: Int) -> Int? {
        guard colors >= 8 else { return nil }
        let target = (Int(red), Int(green), Int(blue))
        var best = 0
        var bestDistance = Int.max
        for index in 0..<min(colors, 256) {
            let distance = Self.distance(target, rgb(of: index))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// The RGB value of a palette index as xterm defines it: 16 ANSI, a 6×6×6 cube, 24 greys.
    static func rgb(of index: Int) -> (Int, Int, Int) {
        if index < 16 { return ansi[index] }
        if index < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        }
        let grey = 8 + 10 * (index - 232)
        return (grey, grey, grey)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let red = a.0 - b.0
        let green = a.1 - b.1
        let blue = a.2 - b.2
        return 3 * red * red + 4 * green * green + 2 * blue * blue
    }
}
