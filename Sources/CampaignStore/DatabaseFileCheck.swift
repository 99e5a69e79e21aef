import Foundation
import GRDB
import CampaignCore
import CampaignText

/// Looks at an existing file before anything is migrated or written, so a
/// wrong `--db` (a plan, a photo, another app's SQLite, a half-copied
/// database, a database from a newer version) is refused with its bytes
/// untouched. Only reads happen here.
enum DatabaseFileCheck {
    enum Verdict: Equatable {
        /// No file, or an empty one: make a new database.
        case create
        /// A SQLite database with no tables and no application id: safe to adopt.
        case adoptEmpty
        /// Ours, at a schema this version can open (possibly needing migrations).
        case ours
    }

    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    static func inspect(path: String) throws -> Verdict {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .create }
            throw StoreError.cannotOpen(path: path, detail: SystemErrorText.of(errno))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StoreError.cannotOpen(path: path, detail: Phrase.dataItIsFolder.text()) }
        if info.st_size == 0 { return .create }
        let header = try readHeader(path: path)
        guard header.count >= 100, Array(header.prefix(16)) == sqliteMagic else {
            throw StoreError.notADatabase(path: path)
        }
        try checkLength(header: header, fileSize: Int64(info.st_size), path: path)
        return try inspectContents(path: path)
    }

    /// Whether the file is shorter than its header says, looked at again
    /// until it holds still. The size and the header are read without a lock,
    /// so another process checkpointing at that moment (page 1 written, the
    /// file not yet extended, the WAL already gone) looked like a truncated
    /// copy: six openers migrating one old file together saw it. A copy that
    /// was cut short stays short; a file in the middle of a write does not.
    private static func checkLength(header: [UInt8], fileSize: Int64, path: String) throws {
        guard let shortfall = lengthShortfall(header: header, fileSize: fileSize, path: path) else { return }
        var last = (header: header, size: fileSize)
        for _ in 0..<3 {
            usleep(50_000)
            var info = stat()
            guard stat(path, &info) == 0, let again = try? readHeader(path: path), again.count >= 100 else { return }
            let now = (header: again, size: Int64(info.st_size))
            if now.header != last.header || now.size != last.size { return }
            guard lengthShortfall(header: now.header, fileSize: now.size, path: path) != nil else { return }
            last = now
        }
        throw StoreError.corrupt(path: path, detail: shortfall)
    }

    private static func readHeader(path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, detail: SystemErrorText.of(errno))
        }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 100)) ?? Data())
    }

    /// A copy cut short is caught here, before SQLite would trip over the
    /// missing pages mid-query. The header's page count is trusted only when
    /// SQLite marks it valid, and not while a WAL file may hold newer pages
    /// (a crash mid-checkpoint is repaired by SQLite, not a damaged file).
    private static func lengthShortfall(header: [UInt8], fileSize: Int64, path: String) -> String? {
        func be32(_ at: Int) -> UInt32 { header[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        let rawPageSize = Int64(header[16]) << 8 | Int64(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        let pages = Int64(be32(28))
        let countIsValid = be32(92) == be32(24) && pages > 0
        guard countIsValid, pageSize >= 512 else { return nil }
        var walInfo = stat()
        let walHasData = stat(path + "-wal", &walInfo) == 0 && walInfo.st_size > 0
        guard !walHasData && fileSize < pages * pageSize else { return nil }
        return Phrase.dataTruncated.text(fileSize, pages * pageSize)
    }

    /// Reads the application id, schema version and table count through SQLite.
    private static func inspectContents(path: String) throws -> Verdict {
        do {
            // Waits for a writer like every other connection: a process
            // closing the database checkpoints it under an exclusive lock, and
            // a look without a busy timeout failed at once ("database is locked").
            var configuration = DeckDatabase.configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID == 0 && tables == 0 { return .adoptEmpty }
                guard applicationID == DeckSchema.applicationID else { throw StoreError.foreignDatabase(path: path) }
                let applied = try DeckSchema.appliedIdentifiers(db)
                let unknown = applied.subtracting(DeckSchema.identifiers)
                if !unknown.isEmpty {
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    throw StoreError.newerSchema(path: path, found: max(version, applied.count),
                                                 known: DeckSchema.currentVersion)
                }
                return .ours
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw DeckDatabase.failure(error, path: path, writing: false)
        }
    }
}

extension StoreError {
    /// SQLite's verdicts on a file, in our words.
    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_CORRUPT: self = .corrupt(path: path, detail: Phrase.dataMalformed.text())
        default: self = .cannotOpen(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }
}
