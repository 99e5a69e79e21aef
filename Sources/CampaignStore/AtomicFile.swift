#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CampaignCore
import CampaignText
import Foundation

/// Writes files so that a reader (or a crash) sees either the old bytes or the
/// new ones, never a mix: temp file in the same folder, fsync, rename, fsync dir.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        /// The file was there already (`create` never replaces one).
        public var alreadyExisted = false
        public var description: String { Phrase.dataCannotWrite.text(path, reason) }
    }

    /// Called between the durable temp write and the rename; tests use it to
    /// simulate a crash at the worst moment.
    public typealias CrashPoint = @Sendable (_ temporaryPath: String) throws -> Void

    /// Writes `path` itself: a symbolic link there is replaced (`PlanFile`
    /// resolves links first). Afterwards removes what earlier, killed writes
    /// of the same file left behind (`StaleTemporaries`).
    public static func write(_ data: Data, to path: String, beforeRename: CrashPoint? = nil) throws {
        let started = Date()
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let mode = existingMode(of: path) ?? 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError(path: path, reason: errnoText()) }
        var closed = false
        defer { if !closed { close(fd) } }
        do {
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw WriteError(path: path, reason: errnoText())
                    }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw WriteError(path: path, reason: "fsync: " + errnoText()) }
            close(fd)
            closed = true
            try beforeRename?(temporary)
            guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: errnoText()) }
        } catch {
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable.
        let folderFD = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
        StaleTemporaries.remove(beside: path, olderThan: started)
    }

    /// Creates a new file atomically and never replaces an existing one: the
    /// bytes go to a durable temp file that is then hard-linked into place
    /// (link fails with EEXIST instead of clobbering).
    public static func create(_ data: Data, at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let staging = folder + "/." + url.lastPathComponent + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try write(data, to: staging)
        } catch let error as WriteError {
            // Say it about the file asked for, not the hidden staging file.
            var isFolder: ObjCBool = false
            let folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
            throw WriteError(path: path, reason: folderExists ? error.reason : Phrase.dataNoFolder.text(folder))
        }
        defer { unlink(staging) }
        guard link(staging, path) == 0 else {
            let exists = errno == EEXIST
            throw WriteError(path: path, reason: exists ? Phrase.dataAlreadyExists.text() : errnoText(), alreadyExisted: exists)
        }
    }

    private static func existingMode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    static func errnoText() -> String { SystemErrorText.of(errno) }
}
