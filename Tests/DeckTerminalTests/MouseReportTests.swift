import DeckUI
@testable import DeckTerminal
import Testing

/// xterm's SGR mouse reports (`ESC [ < b ; x ; y M/m`) to `MouseEvent`s. The
/// button codes are from xterm's ctlseqs: low two bits the button, +4 Shift,
/// +8 Meta, +16 Ctrl, +32 motion, +64 wheel; x and y count from 1.
@Suite struct MouseReportTests {
    @Test func pressesAndReleasesOfEachButton() {
        #expect(MouseReport.decode("\u{1B}[<0;10;5M") == MouseEvent(.press(.left), column: 9, row: 4))
        #expect(MouseReport.decode("\u{1B}[<0;10;5m") == MouseEvent(.release(.left), column: 9, row: 4))
        #expect(MouseReport.decode("\u{1B}[<1;1;1M") == MouseEvent(.press(.middle), column: 0, row: 0))
        #expect(MouseReport.decode("\u{1B}[<2;80;24M") == MouseEvent(.press(.right), column: 79, row: 23))
    }

    @Test func wheelCodes64To67() {
        #expect(MouseReport.decode("\u{1B}[<64;3;7M") == MouseEvent(.wheelUp, column: 2, row: 6))
        #expect(MouseReport.decode("\u{1B}[<65;3;7M") == MouseEvent(.wheelDown, column: 2, row: 6))
        #expect(MouseReport.decode("\u{1B}[<66;3;7M") == MouseEvent(.wheelLeft, column: 2, row: 6))
        #expect(MouseReport.decode("\u{1B}[<67;3;7M") == MouseEvent(.wheelRight, column: 2, row: 6))
        // 64 + 4: Shift with the wheel, how the Gantt is told to scroll days.
        #expect(MouseReport.decode("\u{1B}[<68;3;7M") == MouseEvent(.wheelUp, column: 2, row: 6, shift: true))
        #expect(MouseReport.decode("\u{1B}[<65;3;7m") == nil, "a wheel notch has no release")
    }

    @Test func modifiersInTheButtonCode() {
        #expect(MouseReport.decode("\u{1B}[<4;2;2M") == MouseEvent(.press(.left), column: 1, row: 1, shift: true))
        #expect(MouseReport.decode("\u{1B}[<8;2;2M") == MouseEvent(.press(.left), column: 1, row: 1, alt: true))
        #expect(MouseReport.decode("\u{1B}[<16;2;2M") == MouseEvent(.press(.left), column: 1, row: 1, control: true))
        // 2 + 4 + 16 = 22: right button with Shift and Ctrl.
        #expect(MouseReport.decode("\u{1B}[<22;2;2M")
                == MouseEvent(.press(.right), column: 1, row: 1, shift: true, control: true))
        // 65 + 16 = 81: Ctrl with the wheel down.
        #expect(MouseReport.decode("\u{1B}[<81;2;2M") == MouseEvent(.wheelDown, column: 1, row: 1, control: true))
    }

    @Test func motionAndUnusedButtons() {
        #expect(MouseReport.decode("\u{1B}[<32;4;4M") == MouseEvent(.motion, column: 3, row: 3))   // drag with left
        #expect(MouseReport.decode("\u{1B}[<35;4;4M") == MouseEvent(.motion, column: 3, row: 3))   // motion, no button
        #expect(MouseReport.decode("\u{1B}[<3;4;4M") == nil, "button 3 without motion is the X10 release, not SGR")
        #expect(MouseReport.decode("\u{1B}[<128;4;4M") == nil, "buttons 8-11 are not used")
    }

    /// The X10 encoding stops at 223 (a byte); SGR is plain digits.
    @Test func coordinatesBeyond223() {
        #expect(MouseReport.decode("\u{1B}[<0;224;1M") == MouseEvent(.press(.left), column: 223, row: 0))
        #expect(MouseReport.decode("\u{1B}[<0;300;250M") == MouseEvent(.press(.left), column: 299, row: 249))
        #expect(MouseReport.decode("\u{1B}[<0;99999;99999M") == MouseEvent(.press(.left), column: 99_998, row: 99_998))
        #expect(MouseReport.decode("\u{1B}[<0;100000;1M") == nil, "more than five digits is no terminal's")
    }

    @Test func garbageIsNoEvent() {
        for text in ["", "\u{1B}[<", "\u{1B}[<0;10;5", "\u{1B}[<0;10M", "\u{1B}[<0;10;5;7M", "\u{1B}[<;10;5M",
                     "\u{1B}[<0;;5M", "\u{1B}[<0;10;5X", "\u{1B}[<a;10;5M", "\u{1B}[<0;-1;5M", "\u{1B}[<0;0;5M",
                     "\u{1B}[<0;10;0M", "\u{1B}[<0;1٣;5M", "\u{1B}[M !!", "[<0;10;5M", "\u{1B}[<0; 10;5M",
                     "\u{1B}[<99999999999999999999;1;1M"] {
            #expect(MouseReport.decode(text) == nil, "\(text.debugDescription)")
        }
    }

    /// As the terminal loop reads them: one character at a time after the prefix.
    @Test func theCollectorFinishesAtTheFinalCharacter() {
        var collector = MouseReport.Collector()
        var steps: [MouseReport.Collector.Step] = []
        for character in "65;121;33M" { steps.append(collector.feed(character)) }
        #expect(steps.dropLast().allSatisfy { $0 == .more })
        #expect(steps.last == .done(MouseEvent(.wheelDown, column: 120, row: 32)))
    }

    @Test func theCollectorHandsBackAKeyThatCannotBeInAReport() {
        var collector = MouseReport.Collector()
        #expect(collector.feed("0") == .more)
        #expect(collector.feed(";") == .more)
        #expect(collector.feed("q") == .notReport, "q is typed, not part of a report")
        var truncated = MouseReport.Collector()
        #expect(truncated.feed("0") == .more)
        #expect(truncated.feed("M") == .done(nil), "a report cut short ends as nothing, never as keys")
    }

    @Test func theCollectorStopsAnEndlessReport() {
        var collector = MouseReport.Collector()
        var last: MouseReport.Collector.Step = .more
        var fed = 0
        while last == .more && fed < 100 {
            last = collector.feed(fed % 6 == 5 ? ";" : "1")
            fed += 1
        }
        #expect(last == .notReport)
        #expect(fed == MouseReport.maximumBodyLength + 1)
    }
}

/// The X10 form a terminal without mode 1006 sends: three bytes, each the value plus 32.
@Suite struct X10MouseReportTests {
    @Test func bytesAre32More() {
        // A left press at column 10, row 5 (1-based): 32, 42, 37.
        #expect(MouseReport.decodeX10(32, 42, 37) == MouseEvent(.press(.left), column: 9, row: 4))
        // Button 3 is a release of whichever button was down.
        #expect(MouseReport.decodeX10(35, 42, 37) == MouseEvent(.release(.left), column: 9, row: 4))
        // 64 + 1 + 32 = 97: the wheel down; 64 + 4 + 32 = 100: Shift with the wheel up.
        #expect(MouseReport.decodeX10(97, 33, 33) == MouseEvent(.wheelDown, column: 0, row: 0))
        #expect(MouseReport.decodeX10(100, 33, 33) == MouseEvent(.wheelUp, column: 0, row: 0, shift: true))
        // The last cell X10 can say: 223 + 32 = 255.
        #expect(MouseReport.decodeX10(32, 255, 255) == MouseEvent(.press(.left), column: 222, row: 222))
    }

    @Test func valuesNoByteCanHoldAreNoEvent() {
        #expect(MouseReport.decodeX10(31, 42, 37) == nil)
        #expect(MouseReport.decodeX10(32, 32, 37) == nil, "x 0 is before the first column")
        #expect(MouseReport.decodeX10(32, 256, 37) == nil)
        #expect(MouseReport.decodeX10(0x4E2D, 42, 37) == nil, "a character, not a byte")
    }
}
