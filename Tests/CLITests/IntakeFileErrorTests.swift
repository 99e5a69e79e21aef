import CampaignText
import Foundation
import Testing

/// `segment`'s files beside the transactions (`--behaviour`, `--customers`)
/// that cannot be read: missing, a folder, without permission. Each error
/// says what and where (`campaign-deck: <what> (<where>)`, SPEC §13) in
/// the words the transactions file uses, in English and in Chinese.
@Suite struct IntakeFileErrorTests {
    let folder = ScratchFolder()

    init() throws {
        try "customer_id,date,amount\nC1,2025-01-02,10\n".write(toFile: folder.path + "/t.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path + "/dir", withIntermediateDirectories: true)
    }

    func run(_ arguments: [String], chinese: Bool = false) throws -> CLIRunner.Run {
        try CLIRunner.run(["segment", "t.csv"] + arguments + (chinese ? ["--lang", "zh"] : []), in: folder.path)
    }

    @Test func missingFolderAndUnreadableSayWhatAndWhere() throws {
        let expectations: [([String], String)] = [
            (["--behaviour", "nope.jsonl"], "campaign-deck: cannot read nope.jsonl: no such file (--behaviour)"),
            (["--behaviour", "dir"], "campaign-deck: cannot read dir: Is a directory (--behaviour)"),
            (["--customers", "nope.csv"], "campaign-deck: cannot read the customers file: no such file (nope.csv)"),
            (["--customers", "dir"], "campaign-deck: cannot read the customers file: Is a directory (dir)"),
        ]
        for (arguments, line) in expectations {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrLines == [line], "\(arguments)")
        }
    }

    @Test func chineseWrittenOutByHand() throws {
        let expectations: [([String], String)] = [
            (["--behaviour", "nope.jsonl"], "campaign-deck: 无法读取 nope.jsonl：文件不存在（--behaviour）"),
            (["--behaviour", "dir"], "campaign-deck: 无法读取 dir：这是一个文件夹（--behaviour）"),
            (["--customers", "nope.csv"], "campaign-deck: 无法读取客户文件：文件不存在（nope.csv）"),
            (["--customers", "dir"], "campaign-deck: 无法读取客户文件：这是一个文件夹（dir）"),
        ]
        for (arguments, line) in expectations {
            let result = try run(arguments, chinese: true)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrLines == [line], "\(arguments)")
            // The file name and the option typed aside, no English word is left.
            let said = line.replacingOccurrences(of: "campaign-deck:", with: "")
                .replacingOccurrences(of: arguments[1], with: "").replacingOccurrences(of: arguments[0], with: "")
            #expect(EnglishWords.find(in: said).isEmpty, "\(said)")
        }
    }

    /// Root reads a file without permission bits, so this runs only as
    /// another user (CI runs as root; a developer's machine does not).
    @Test(.enabled(if: getuid() != 0)) func unreadableFileSaysPermissionDenied() throws {
        for name in ["locked.jsonl", "locked.csv"] {
            let path = folder.path + "/" + name
            try "x\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        }
        let behaviour = try run(["--behaviour", "locked.jsonl"])
        #expect(behaviour.stderrLines == ["campaign-deck: cannot read locked.jsonl: Permission denied (--behaviour)"])
        let customers = try run(["--customers", "locked.csv"], chinese: true)
        #expect(customers.stderrLines == ["campaign-deck: 无法读取客户文件：权限不足（locked.csv）"])
        #expect(behaviour.status == 2 && customers.status == 2)
    }

    /// Standard input read as the behaviour file still works (`-`), and an
    /// empty one is a history of no lines, not an error.
    @Test func standardInputIsStillRead() throws {
        let result = try CLIRunner.run(["segment", "t.csv", "--behaviour", "-", "--format", "csv"], in: folder.path, stdin: "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("C1"))
    }
}
