#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CampaignText

/// Opens and reads the files `segment` takes beside its transactions
/// (`--customers`, `--behaviour`), with the reasons worded as the
/// transactions file words them: a missing file is "no such file", as in
/// `cannot read transactions: no such file (nope.csv)`; the other failures a
/// person meets (a folder, no permission) in the catalog's system wording.
/// The caller adds what and where, so each file keeps its own sentence.
enum IntakeFile {
    struct Failure: Error, Sendable {
        /// Why, in the reader's language ("no such file", "Is a directory").
        let reason: String
    }

    static func open(_ path: String) throws(Failure) -> Int32 {
        while true {
            let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw Failure(reason: reason(errno)) }
        }
    }

    /// Reads up to `buffer.count` bytes; 0 means end of file. A folder opens
    /// but fails here, with EISDIR.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw Failure(reason: reason(errno)) }
        }
    }

    static func close(_ descriptor: Int32) { _ = systemClose(descriptor) }

    static func reason(_ code: Int32) -> String {
        code == ENOENT ? Phrase.dataNoSuchFile.text() : SystemErrorText.of(code)
    }
}

// File-scope wrappers: inside `IntakeFile` the names `open`, `read` and `close` are its own.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
