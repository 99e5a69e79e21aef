import CampaignText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a transactions CSV into a purchase history: a file at rest on two
/// threads (known size, `pread`), standard input in chunks as they come.
/// Shared by `segment` and the dashboard (a plan's `transactions:` file).
public enum TransactionsInput {
    /// `path` is a file or `-` (standard input). Errors name the file; the
    /// progress line shows only when asked and standard error is a terminal.
    public static func history(path transactions: String, columns: TransactionColumns, showsProgress: Bool) throws(TransactionsReadError) -> PurchaseHistory {
        let descriptor = transactions == "-" ? STDIN_FILENO : open(transactions, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            let reason = code == ENOENT ? Phrase.dataNoSuchFile.text() : SystemErrorText.of(code)
            throw TransactionsReadError(message: Phrase.dataCannotReadTransactions.text(reason, transactions),
                                        hint: code == ENOENT ? Phrase.dataHintPassCSV.text() : nil,
                                        isBadInput: true)
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
                throw TransactionsReadError(error, path: transactions)
            } catch let error as TransactionsReadError {
                throw error
            } catch {
                throw TransactionsReadError(message: Phrase.dataCannotReadTransactions.text(error, transactions), hint: nil, isBadInput: false)
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
            throw TransactionsReadError(error, path: transactions)
        } catch let error as TransactionsReadError {
            progress.clear()
            throw error
        } catch {
            progress.clear()
            throw TransactionsReadError(message: Phrase.dataCannotReadTransactions.text(error, transactions), hint: nil, isBadInput: false)
        }
    }

    /// 0 when unknown (a pipe).
    public static func fileSize(_ descriptor: Int32) -> Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
    }

    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw TransactionsReadError(message: Phrase.dataCannotReadTransactions.text(SystemErrorText.of(errno), path),
                                        hint: nil, isBadInput: false)
        }
    }

    private static func read(_ descriptor: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw TransactionsReadError(message: Phrase.dataCannotReadTransactions.text(SystemErrorText.of(errno), path),
                                        hint: nil, isBadInput: false)
        }
    }
}

/// Why a transactions file could not be read, worded for the user; the
/// caller decides how to show it (the CLI's exit code, the status bar).
public struct TransactionsReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let hint: String?
    /// The file is missing or malformed (rather than failing while read).
    public let isBadInput: Bool

    public init(message: String, hint: String?, isBadInput: Bool) {
        self.message = message
        self.hint = hint
        self.isBadInput = isBadInput
    }

    init(_ error: TransactionInputError, path: String) {
        self.init(message: Phrase.dataWithPlace.text(error, path), hint: error.hint, isBadInput: true)
    }

    public var description: String { message }
}

// `read` is also a method name here, so call the C function by module.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
