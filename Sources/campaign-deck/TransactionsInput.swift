import CampaignCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a transactions CSV into a purchase history: a file at rest on two
/// threads (known size, `pread`), standard input in chunks as they come.
/// Shared by `segment` and the dashboard (a plan's `transactions:` file).
enum TransactionsInput {
    /// `path` is a file or `-` (standard input). Errors name the file; the
    /// progress line shows only when asked and standard error is a terminal.
    static func history(path transactions: String, columns: TransactionColumns, showsProgress: Bool) throws -> PurchaseHistory {
        let descriptor = transactions == "-" ? STDIN_FILENO : open(transactions, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw CLIError("cannot read transactions: \(reason) (\(transactions))",
                           hint: errno == ENOENT ? "pass a CSV file, or `demo` for the generated demo base" : nil)
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let size = Self.fileSize(descriptor)
        if size > 0 {
            // A regular file: read at known offsets, on two threads when it is big.
            // (Standard input below: in chunks as they come, with a progress line.)
            let progress = FileProgress(size: size, shown: ProgressLine(descriptor: descriptor, size: size, enabled: showsProgress))
            defer { progress.finish() }
            do {
                return try TransactionFile.read(size: size, columns: columns) { offset, buffer in
                    let count = try Self.read(descriptor, at: offset, into: buffer, path: transactions)
                    progress.add(bytes: count)
                    return count
                }
            } catch let error as TransactionInputError {
                throw CLIError("\(error) (\(transactions))", hint: error.hint)
            }
        }
        let reader = TransactionReader(columns: columns, expectedBytes: size)
        var progress = ProgressLine(descriptor: descriptor, size: size, enabled: showsProgress)
        do {
            while try reader.fill({ buffer in try Self.read(descriptor, into: buffer, path: transactions) }) > 0 {
                progress.update(rows: reader.rowsRead, bytes: reader.bytesRead)
            }
            progress.clear()
            return try reader.finish()
        } catch let error as TransactionInputError {
            progress.clear()
            throw CLIError("\(error) (\(transactions))", hint: error.hint)
        } catch let error as CLIError {
            progress.clear()
            throw error
        }
    }

    /// 0 when unknown (a pipe).
    static func fileSize(_ descriptor: Int32) -> Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
    }

    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw CLIError("cannot read transactions: \(String(cString: strerror(errno))) (\(path))", code: .runtime)
        }
    }

    private static func read(_ descriptor: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw CLIError("cannot read transactions: \(String(cString: strerror(errno))) (\(path))", code: .runtime)
        }
    }
}

// `read` is also a method name here, so call the C function by module.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
