import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `report`, `kpi` and `alerts` given no files read standard input; when
/// that is a terminal they say what they expect and exit 2 instead of
/// waiting for JSON Lines nobody is going to type.
@Suite struct TerminalInputTests {
    /// The binary run with a pseudo-terminal as standard input (pipes for
    /// the outputs). Killed after `timeout` seconds: the old behaviour was
    /// to wait forever, and the test must fail then, not hang.
    static func runOnTerminal(_ arguments: [String], timeout: Double = 10) throws -> (status: Int32?, stderr: String) {
        let (master, slave) = try openPseudoTerminal()
        defer { close(master) }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        #expect(isatty(slave) == 1)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardInput = terminal
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            // SIGKILL: the child may inherit a mask that blocks SIGTERM from the test runner.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (nil, "")
        }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, stderr)
    }

    /// A pseudo-terminal pair through /dev/ptmx (the C library's
    /// `posix_openpt` family is not visible to Swift on Linux): unlock the
    /// secondary side, ask its number, open /dev/pts/N.
    static func openPseudoTerminal() throws -> (primary: Int32, secondary: Int32) {
        let primary = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(primary >= 0, "cannot open /dev/ptmx")
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        try #require(ioctl(primary, TIOCSPTLCK, &unlock) == 0 && ioctl(primary, TIOCGPTN, &number) == 0)
        let secondary = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(secondary >= 0, "cannot open /dev/pts/\(number)")
        return (primary, secondary)
    }

    @Test(arguments: [["report"], ["kpi"], ["alerts"], ["kpi", "--by", "total"]])
    func aTerminalOnStandardInputIsRefused(_ arguments: [String]) throws {
        let run = try Self.runOnTerminal(arguments)
        #expect(run.status != nil, "\(arguments.joined(separator: " ")) waited for a terminal to type events")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("campaign-deck: no event files given, and standard input is a terminal"), "\(run.stderr)")
        #expect(run.stderr.contains("(standard input)"))
        #expect(run.stderr.contains("hint: give event files"))
    }

    /// A piped stream still works with no file named, and so does `-` on purpose.
    @Test func pipedStandardInputIsStillRead() throws {
        let line = #"{"ts":"2026-03-02T10:00:00+08:00","type":"impression","channel":"douyin","count":40}"#
            + "\n" + #"{"ts":"2026-03-02T10:01:00+08:00","type":"click","channel":"douyin","count":2}"# + "\n"
        for arguments in [["kpi", "--by", "total", "--format", "csv"], ["kpi", "--by", "total", "--format", "csv", "-"]] {
            let run = try CLIRunner.run(arguments, stdin: line)
            #expect(run.status == 0, "\(run.stderr)")
            let rows = run.stdout.split(separator: "\n")
            let header = rows.first.map { $0.split(separator: ",").map(String.init) } ?? []
            let total = rows.dropFirst().first.map { $0.split(separator: ",").map(String.init) } ?? []
            let column = { (name: String) in header.firstIndex(of: name).map { total[$0] } }
            #expect(column("impressions") == "40")
            #expect(column("clicks") == "2")
            #expect(column("ctr") == "0.05")   // 2 / 40
        }
    }
}
