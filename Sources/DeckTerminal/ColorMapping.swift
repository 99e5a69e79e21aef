import DeckUI

/// Bringing colours down to what a terminal can show: 24-bit → xterm-256 → 8 ANSI.
///
/// The 256-colour step is tmux's `colour_find_rgb`: the nearest point of the 6×6×6
/// cube and the nearest of the 24 greys, whichever is closer (squared RGB distance;
/// a tie goes to the grey). Indices 0–15 are never chosen for an RGB colour, because
/// users recolour them in their terminal settings.
///
/// The 8-colour step treats greys apart: by plain distance a mid grey is closer to
/// yellow (205,205,0) than to white, and grey text turning yellow is worse than useless.
/// Colours with little chroma (max − min below 64) become black when darker than 64 and
/// white (ANSI 7, a light grey on most terminals) otherwise, so muted text stays
/// readable on the usual dark background. Other colours take the closest of xterm's
/// default ANSI colours.
public enum ColorMapping {
    /// The six intensities of the xterm colour cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// xterm's default values for the 16 system colours.
    static let systemColors: [RGB] = [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ].map { RGB(hex: $0) }

    /// The xterm-256 index closest to `color` (16–255).
    public static func nearestXterm256(_ color: RGB) -> UInt8 {
        let r = Int(color.red), g = Int(color.green), b = Int(color.blue)
        let qr = cubeStep(r), qg = cubeStep(g), qb = cubeStep(b)
        let cr = cubeLevels[qr], cg = cubeLevels[qg], cb = cubeLevels[qb]
        let cubeIndex = 16 + 36 * qr + 6 * qg + qb
        if cr == r && cg == g && cb == b { return UInt8(cubeIndex) }

        let average = (r + g + b) / 3
        let greyStep = average > 238 ? 23 : (average - 3) / 10  // rounds toward zero, as in C
        let grey = 8 + 10 * greyStep
        if distanceSquared((cr, cg, cb), (r, g, b)) < distanceSquared((grey, grey, grey), (r, g, b)) {
            return UInt8(cubeIndex)
        }
        return UInt8(232 + greyStep)
    }

    /// The colour xterm shows for palette `index` (system colours at xterm's defaults).
    public static func rgb(ofXterm256 index: UInt8) -> RGB {
        switch index {
        case 0..<16:
            return systemColors[Int(index)]
        case 16..<232:
            let offset = Int(index) - 16
            return RGB(red: UInt8(cubeLevels[offset / 36]), green: UInt8(cubeLevels[offset / 6 % 6]),
                       blue: UInt8(cubeLevels[offset % 6]))
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return RGB(red: grey, green: grey, blue: grey)
        }
    }

    /// The ANSI colour (0–7: black, red, green, yellow, blue, magenta, cyan, white)
    /// closest to palette `index`. 0–7 are themselves; the bright system colours 8–15
    /// and the rest go by distance to xterm's default values.
    public static func nearestBasic8(xterm256 index: UInt8) -> UInt8 {
        index < 8 ? index : nearestBasic8(rgb(ofXterm256: index))
    }

    /// The ANSI colour (0–7) for `color` (see the type's note on greys); among
    /// colours at the same distance the lower index wins.
    public static func nearestBasic8(_ color: RGB) -> UInt8 {
        let target = (Int(color.red), Int(color.green), Int(color.blue))
        let brightest = max(target.0, target.1, target.2), darkest = min(target.0, target.1, target.2)
        if brightest - darkest < greyChroma {
            return (brightest + darkest) / 2 < greyLightness ? 0 : 7
        }
        var best = 0
        var bestDistance = Int.max
        for index in 0..<8 {
            let candidate = systemColors[index]
            let distance = distanceSquared((Int(candidate.red), Int(candidate.green), Int(candidate.blue)), target)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return UInt8(best)
    }

    /// Below this chroma a colour counts as a grey for the 8-colour step.
    static let greyChroma = 64
    /// Greys darker than this become black, the others white.
    static let greyLightness = 64

    /// Which of the six cube intensities is closest to `value` (midpoints 48, 115, 155, …).
    static func cubeStep(_ value: Int) -> Int {
        if value < 48 { return 0 }
        if value < 115 { return 1 }
        return (value - 35) / 40
    }

    static func distanceSquared(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }
}
