import ArgumentParser
import CampaignCore
import CampaignText
import Foundation

struct SimulateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "simulate",
            abstract: Phrase.cliSimulateAbstract.text(),
            discussion: """
            \(Phrase.cliSimulateDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck simulate --days 70 | campaign-deck alerts
              campaign-deck simulate --from 2026-04-09 --days 1 > fatigue-day.jsonl
              campaign-deck simulate --speed 600 | campaign-deck kpi --window 1h
            """
        )
    }

    @Option(help: ArgumentHelp(Phrase.cliPlanOrDemo.text()))
    var plan: String?

    @Option(help: ArgumentHelp(Phrase.cliSimulateSeed.text()))
    var seed: UInt64 = CampaignSimulator.defaultSeed

    @Option(parsing: .unconditional, help: ArgumentHelp(Phrase.cliSimulateDays.text()))
    var days: Int?

    @Option(help: ArgumentHelp(Phrase.cliSimulateFrom.text()))
    var from: String?

    // `.unconditional`: `--speed -5` is a value out of range, not a missing one.
    @Option(parsing: .unconditional, help: ArgumentHelp(Phrase.cliSimulateSpeed.text()))
    var speed: Double?

    func validate() throws {
        if let days, days < 1 { throw ValidationError(Phrase.cliDaysAtLeast.text(days)) }
        if let days, days > PlanLimits.maximumSpanDays {
            throw ValidationError(Phrase.cliDaysAtMost.text(PlanLimits.maximumSpanDays, days))
        }
        if let speed, !(speed > 0) { throw ValidationError(Phrase.cliSpeedRange.text(Formatting.plain(speed))) }
    }

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(plan)
        let start = try PlanInput.day(from, option: "--from")
        let simulator = CampaignSimulator(plan: plan, seed: seed, from: start, days: days)
        // Every simulated event must be one the readers accept (EventTimestamp's range).
        if simulator.days > 0, simulator.from + (simulator.days - 1) > Day.recordedRange.upperBound {
            throw CLIError(Phrase.cliSimulatePastLastDay.text(Day.recordedRange.upperBound))
        }
        guard let speed else {
            simulator.write { bytes in StandardOutput.write(bytes) }
            return
        }
        simulator.write(pacedAt: speed) { bytes in StandardOutput.write(bytes) }
    }
}

/// Raw bytes to standard output; a closed pipe ends the program quietly
/// (`simulate | head` is normal use, not an error), a full disk with exit 1.
enum StandardOutput {
    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                Output.writeFailed(errorNumber: errno) // one rule for every command: see `Output`
            }
            offset += written
        }
    }
}
