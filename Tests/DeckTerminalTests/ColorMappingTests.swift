import DeckUI
import Testing
@testable import DeckTerminal

/// Expectations computed by hand: cube steps 0,95,135,175,215,255 (index 16+36r+6g+b),
/// greys 8+10k (index 232+k), squared RGB distance.
@Suite struct ColorMappingTests {
    @Test func exactCubeColours() {
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0xFF0000)) == 196)  // 16 + 36·5
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0x000000)) == 16)
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0xFFFFFF)) == 231)
    }

    @Test func nearestCubeColour() {
        // Dodger blue (30,144,255): cube (0,135,255) at distance 900+81 = 981;
        // grey 148 at 118²+4²+107² = 25389. Index 16 + 6·2 + 5 = 33.
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0x1E90FF)) == 33)
        // Orange (255,136,0): cube (255,135,0) at distance 1. Index 16 + 180 + 12 = 208.
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0xFF8800)) == 208)
    }

    @Test func nearestGrey() {
        // (128,128,128): cube (135,135,135) at 147; grey step (128-3)/10 = 12 → 128, distance 0.
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0x808080)) == 244)
        // (100,100,100): cube (95,95,95) at 75; grey step 9 → 98 at 12.
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0x646464)) == 241)
        // (10,10,10): cube black at 300; grey step 0 → 8 at 12.
        #expect(ColorMapping.nearestXterm256(RGB(hex: 0x0A0A0A)) == 232)
    }

    @Test func paletteColours() {
        #expect(ColorMapping.rgb(ofXterm256: 196) == RGB(hex: 0xFF0000))
        #expect(ColorMapping.rgb(ofXterm256: 33) == RGB(hex: 0x0087FF))
        #expect(ColorMapping.rgb(ofXterm256: 244) == RGB(hex: 0x808080))
        #expect(ColorMapping.rgb(ofXterm256: 232) == RGB(hex: 0x080808))
        #expect(ColorMapping.rgb(ofXterm256: 255) == RGB(hex: 0xEEEEEE))
        #expect(ColorMapping.rgb(ofXterm256: 9) == RGB(hex: 0xFF0000))
    }

    @Test func everyCubeAndGreyIndexMapsBackToItself() {
        for index in 16...255 {
            let rgb = ColorMapping.rgb(ofXterm256: UInt8(index))
            #expect(ColorMapping.nearestXterm256(rgb) == UInt8(index), "index \(index)")
        }
    }

    @Test func downToEightColours() {
        #expect(ColorMapping.nearestBasic8(xterm256: 3) == 3)
        #expect(ColorMapping.nearestBasic8(xterm256: 196) == 1)  // red: 50² to (205,0,0)
        #expect(ColorMapping.nearestBasic8(xterm256: 9) == 1)
        // (0,135,255): blue (0,0,238) at 18514, cyan (0,205,205) at 7400.
        #expect(ColorMapping.nearestBasic8(xterm256: 33) == 6)
        // (255,135,0): red at 20725, yellow (205,205,0) at 7400.
        #expect(ColorMapping.nearestBasic8(xterm256: 208) == 3)
        // Greys: by distance (127,127,127) would be yellow (28297 < white's 31212);
        // chroma 0 and lightness ≥ 64 make it white instead.
        #expect(ColorMapping.nearestBasic8(xterm256: 8) == 7)
        #expect(ColorMapping.nearestBasic8(xterm256: 244) == 7)
        #expect(ColorMapping.nearestBasic8(xterm256: 241) == 7)  // (98,98,98)
        #expect(ColorMapping.nearestBasic8(RGB(hex: 0x323232)) == 0)  // lightness 50
        #expect(ColorMapping.nearestBasic8(RGB(hex: 0x1E1E2E)) == 0)  // chroma 16, lightness 38
        // (128,0,0), chroma 128: red (205,0,0) at 5929, black at 16384.
        #expect(ColorMapping.nearestBasic8(RGB(hex: 0x800000)) == 1)
    }

    @Test func resolverFollowsTheCapability() {
        let theme: @Sendable (ThemeRole) -> Color = { role in role == .firing ? .rgb(RGB(hex: 0xFF0000)) : .default }
        let red = Color.rgb(RGB(hex: 0xFF0000))
        #expect(ColorResolver(capability: .trueColor, role: theme).terminalColor(red) == 0xFF0000)
        #expect(ColorResolver(capability: .trueColor, role: theme).terminalColor(.rgb(RGB(hex: 0x000005))) == 8)
        #expect(ColorResolver(capability: .trueColor, role: theme).terminalColor(.indexed(9)) == 0xFF0000)
        #expect(ColorResolver(capability: .trueColor, role: theme).terminalColor(.indexed(4)) == 4)
        #expect(ColorResolver(capability: .palette256, role: theme).terminalColor(red) == 196)
        #expect(ColorResolver(capability: .palette256, role: theme).terminalColor(.role(.firing)) == 196)
        #expect(ColorResolver(capability: .basic8, role: theme).terminalColor(red) == 1)
        #expect(ColorResolver(capability: .basic8, role: theme).terminalColor(.indexed(208)) == 3)
        #expect(ColorResolver(capability: .none, role: theme).terminalColor(red) == -1)
        #expect(ColorResolver(capability: .palette256, role: theme).terminalColor(.default) == -1)
        #expect(ColorResolver(capability: .palette256, role: theme).terminalColor(.role(.text)) == -1)
    }
}
