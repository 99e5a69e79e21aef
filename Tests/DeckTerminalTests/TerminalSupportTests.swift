import Testing
@testable import DeckTerminal

@Suite struct TerminalSupportTests {
    private func decide(_ environment: [String: String], stdin: Bool = true, stdout: Bool = true) -> TerminalDecision {
        TerminalSupport.decide(environment: environment, stdinIsTerminal: stdin, stdoutIsTerminal: stdout)
    }

    private func refusal(_ decision: TerminalDecision) -> String? {
        if case .refuse(let message) = decision { return message }
        return nil
    }

    @Test func refusesWithoutATerminalAndPointsAtHeadlessCommands() throws {
        let message = try #require(refusal(decide(["TERM": "xterm-256color"], stdout: false)))
        #expect(message.hasPrefix("campaign-deck: "))
        #expect(message.contains("standard output is not a terminal"))
        #expect(message.contains("campaign-deck plan show"))
        #expect(message.contains("campaign-deck kpi"))
        #expect(!message.contains("\n"))
        #expect(refusal(decide(["TERM": "xterm"], stdin: false))?.contains("standard input is not") == true)
        #expect(refusal(decide(["TERM": "xterm"], stdin: false, stdout: false))?.contains("input and output are") == true)
    }

    @Test func refusesWithoutAUsableTerm() {
        #expect(refusal(decide([:]))?.contains("TERM is not set") == true)
        #expect(refusal(decide(["TERM": ""]))?.contains("TERM is not set") == true)
        #expect(refusal(decide(["TERM": "dumb"]))?.contains("TERM=dumb") == true)
        #expect(refusal(decide(["TERM": "dumb"]))?.contains("campaign-deck kpi") == true)
    }

    @Test func colourCapabilityFromTheEnvironment() {
        #expect(decide(["TERM": "xterm-256color"]) == .interactive(.palette256))
        #expect(decide(["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .interactive(.trueColor))
        #expect(decide(["TERM": "screen-256color", "COLORTERM": "24bit"]) == .interactive(.trueColor))
        #expect(decide(["TERM": "tmux-256color"]) == .interactive(.palette256))
        #expect(decide(["TERM": "xterm-direct"]) == .interactive(.trueColor))
        #expect(decide(["TERM": "xterm-kitty"]) == .interactive(.trueColor))
        #expect(decide(["TERM": "xterm"]) == .interactive(.basic8))
        #expect(decide(["TERM": "linux"]) == .interactive(.basic8))
        #expect(decide(["TERM": "vt100"]) == .interactive(.none))
    }

    @Test func noColorWinsUnlessEmpty() {
        #expect(decide(["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"]) == .interactive(.none))
        #expect(decide(["TERM": "xterm-256color", "NO_COLOR": ""]) == .interactive(.palette256))
    }

    @Test func terminfoLimitsColours() {
        #expect(ColorCapability.trueColor.limited(toTerminfoColors: 256) == .palette256)
        #expect(ColorCapability.trueColor.limited(toTerminfoColors: 1 << 24) == .trueColor)
        #expect(ColorCapability.palette256.limited(toTerminfoColors: 8) == .basic8)
        #expect(ColorCapability.basic8.limited(toTerminfoColors: 256) == .basic8)
        #expect(ColorCapability.palette256.limited(toTerminfoColors: -1) == .none)
        #expect(ColorCapability.none.limited(toTerminfoColors: 256) == .none)
    }

    @Test func escapeDelayUnlessTheUserChoseOne() {
        #expect(TerminalSupport.escapeDelay(environment: [:]) == 25)
        #expect(TerminalSupport.escapeDelay(environment: ["ESCDELAY": "100"]) == nil)
        #expect(TerminalSupport.escapeDelay(environment: ["ESCDELAY": "soon"]) == 25)
    }
}

/// Which locale the dashboard draws under (issue 15, item 7).
@Suite struct TerminalLocaleTests {
    @Test func aUTF8CodesetDrawsEverything() {
        #expect(TerminalLocale.decide(environment: ["LANG": "zh_CN.UTF-8"], setlocaleSucceeded: true,
                                      codeset: "UTF-8") == .utf8)
        #expect(TerminalLocale.utf8.notice == nil && !TerminalLocale.utf8.drawsASCII)
    }

    @Test func aUTF8LocaleThatIsNotInstalledFallsBackToCUTF8() {
        // setlocale fails and leaves "C" (ANSI_X3.4-1968), but the user asked for UTF-8.
        let decision = TerminalLocale.decide(environment: ["LANG": "zh_CN.UTF-8"], setlocaleSucceeded: false,
                                             codeset: "ANSI_X3.4-1968")
        #expect(decision == .fellBack(requested: "LANG=zh_CN.UTF-8"))
        #expect(!decision.drawsASCII && decision.notice == nil)
    }

    @Test func theCLocaleDrawsASCIIAndSaysWhatToSet() {
        let decision = TerminalLocale.decide(environment: ["LANG": "C", "LC_ALL": ""], setlocaleSucceeded: true,
                                             codeset: "ANSI_X3.4-1968")
        #expect(decision == .notUTF8(name: "LANG=C", codeset: "ANSI_X3.4-1968"))
        #expect(decision.drawsASCII)
        #expect(decision.notice?.contains("LANG=C.UTF-8") == true)
        // LC_ALL wins over LANG, as in the C library.
        #expect(TerminalLocale.requestedName(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "POSIX"]) == "LC_ALL=POSIX")
        #expect(TerminalLocale.requestedName(environment: [:]) == "the default locale (LANG unset)")
    }

    @Test func aNonUTF8ChineseLocaleIsNotMistakenForUTF8() {
        let decision = TerminalLocale.decide(environment: ["LANG": "zh_CN.GB18030"], setlocaleSucceeded: true,
                                             codeset: "GB18030")
        #expect(decision.drawsASCII)
    }
}
