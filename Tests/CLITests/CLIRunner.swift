import Foundation

/// Runs the real `campaign-deck` binary, as a user or a script would.
struct CLIRunner {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The binary SwiftPM built next to this test bundle (or $CAMPAIGN_DECK_BIN).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["CAMPAIGN_DECK_BIN"] { return path }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the runner is …/debug/X.xctest; on macOS …/debug/X.xctest/Contents/MacOS/X.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("campaign-deck").path),
              folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("campaign-deck").path
    }()

    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `executable` runs another program instead (e.g. `/usr/bin/time` wrapping the binary).
    /// `environment` replaces the inherited one when given. The interface
    /// language is English unless the environment given says otherwise: the
    /// expected texts here are English, whatever the developer's LANG is.
    static func run(_ arguments: [String], in folder: String? = nil, stdin: String? = nil,
                    executable: String = binary, environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["CAMPAIGN_DECK_LANG"] = "en"
        // Never the developer's own config file (their keys and theme): a folder that does not exist.
        inherited["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "campaign-deck-cli-no-config"
        process.environment = environment ?? inherited
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a chatty child never blocks on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh folder per test, removed afterwards.
final class ScratchFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "campaign-deck-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
