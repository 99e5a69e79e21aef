import Foundation
import Testing

/// CSV exports written to a file start with the UTF-8 byte-order mark
/// (EF BB BF), so Excel and WPS decode Chinese as UTF-8; a pipe gets none
/// (its reader is a program) and `--no-bom` leaves it out.
@Suite struct SpreadsheetBOMTests {
    static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static let events = """
    {"ts":"2026-03-02T10:00:00+08:00","type":"impression","channel":"douyin","segment":"高价值老客","count":1000}
    {"ts":"2026-03-02T10:01:00+08:00","type":"click","channel":"douyin","segment":"高价值老客","count":20}

    """

    /// The binary's standard output as bytes, redirected to a regular file as `> out.csv` does.
    static func runToFile(_ arguments: [String], in folder: ScratchFolder) throws -> (status: Int32, bytes: [UInt8]) {
        let path = folder.path + "/out-\(UUID().uuidString).csv"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let file = try #require(FileHandle(forWritingAtPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = file
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try file.close()
        return (process.terminationStatus, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static let exports: [[String]] = [
        ["plan", "export", "demo", "--to", "csv"],
        ["report", "--format", "csv", "events.jsonl"],
        ["kpi", "--format", "csv", "--by", "segment", "events.jsonl"],
        ["plan", "schedule", "demo", "--format", "csv"],
    ]

    @Test(arguments: exports)
    func aFileStartsWithTheMarkAndAPipeDoesNot(_ arguments: [String]) throws {
        let folder = ScratchFolder()
        try Self.events.write(toFile: folder.path + "/events.jsonl", atomically: true, encoding: .utf8)
        let file = try Self.runToFile(arguments, in: folder)
        #expect(file.status == 0)
        #expect(Array(file.bytes.prefix(3)) == Self.mark, "\(arguments.joined(separator: " ")) > file")
        #expect(!file.bytes.dropFirst(3).starts(with: Self.mark), "one mark, not two")

        let piped = try CLIRunner.run(arguments, in: folder.path)
        #expect(piped.status == 0)
        #expect(!Array(piped.stdout.utf8).starts(with: Self.mark), "a pipe gets no mark")
        // After the mark the file holds exactly what the pipe got.
        #expect(Array(file.bytes.dropFirst(3)) == Array(piped.stdout.utf8))

        let plain = try Self.runToFile(arguments + ["--no-bom"], in: folder)
        #expect(plain.status == 0)
        #expect(plain.bytes == Array(piped.stdout.utf8), "--no-bom: the same bytes as the pipe")
    }

    /// The point of the mark: the demo's Chinese task names follow it as
    /// UTF-8 (项目启动会 starts E9 A1 B9).
    @Test func chineseFollowsTheMarkAsUTF8() throws {
        let folder = ScratchFolder()
        let file = try Self.runToFile(["plan", "export", "demo", "--to", "csv"], in: folder)
        #expect(Array(file.bytes.prefix(3)) == Self.mark)
        let kickoff: [UInt8] = [0xE9, 0xA1, 0xB9, 0xE7, 0x9B, 0xAE, 0xE5, 0x90, 0xAF, 0xE5, 0x8A, 0xA8, 0xE4, 0xBC, 0x9A]
        #expect(Array("项目启动会".utf8) == kickoff)
        let body = Array(file.bytes.dropFirst(3))
        #expect(body.indices.contains { body[$0...].starts(with: kickoff) }, "the task name is in the file as UTF-8")
    }

    /// `alerts` writes CSV a line at a time: the mark comes once, before the header.
    @Test func alertsCSVHasOneMarkBeforeItsHeader() throws {
        let folder = ScratchFolder()
        try Self.events.write(toFile: folder.path + "/events.jsonl", atomically: true, encoding: .utf8)
        let file = try Self.runToFile(["alerts", "--format", "csv", "--all", "events.jsonl"], in: folder)
        #expect(file.status == 0)
        let text = String(decoding: file.bytes, as: UTF8.self)
        if file.bytes.isEmpty { return } // no state change at all: nothing written, no mark either
        #expect(Array(file.bytes.prefix(3)) == Self.mark)
        #expect(text.dropFirst().hasPrefix("at,rule,per,scope,from,to"))
        #expect(text.components(separatedBy: "\u{FEFF}").count == 2, "exactly one mark")
    }
}
