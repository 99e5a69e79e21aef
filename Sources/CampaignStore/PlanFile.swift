import CampaignCore
import CampaignText
import Foundation

/// A plan file on disk: loads it, remembers the exact bytes it was loaded
/// from, and saves edits atomically, refusing to overwrite a file that someone
/// else changed in the meantime.
public struct PlanFile: Sendable {
    public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
        case unreadable(path: String, reason: String)
        case notUTF8(path: String, byteOffset: Int)
        case changedOnDisk(path: String)
        case writeFailed(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return Phrase.dataCannotReadPlan.text(reason, path)
            case .notUTF8(let path, let offset): return Phrase.dataPlanNotUTF8.text(offset, path)
            case .changedOnDisk(let path): return Phrase.dataPlanChanged.text(path)
            case .writeFailed(let path, let reason): return Phrase.dataCannotSavePlan.text(reason, path)
            }
        }
    }

    public let path: String
    public private(set) var document: PlanDocument
    /// The bytes last read from or written to disk, for the changed-on-disk check.
    private var knownBytes: Data

    public init(path: String, document: PlanDocument, knownBytes: Data) {
        self.path = path
        self.document = document
        self.knownBytes = knownBytes
    }

    /// Larger than any plan: reading stops there, so `/dev/zero` or a log
    /// given by mistake is refused instead of filling memory.
    public static let maximumBytes = 16 << 20

    public static func load(path: String) throws(Failure) -> PlanFile {
        let data: Data
        do {
            data = try readBytes(path: path)
        } catch {
            throw .unreadable(path: path, reason: readableReason(error, path: path))
        }
        guard data.count <= maximumBytes else {
            throw .unreadable(path: path, reason: Phrase.dataPlanTooBig.text(maximumBytes >> 20))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .notUTF8(path: path, byteOffset: firstInvalidUTF8Offset(data))
        }
        return PlanFile(path: path, document: PlanDocument(text: text), knownBytes: data)
    }

    /// True when the bytes on disk are no longer those this file was loaded from.
    /// Judged on the file a link points at, which is the file a save writes.
    public func hasChangedOnDisk() -> Bool {
        let target = (try? LinkTarget.resolve(path)) ?? path
        return (try? Data(contentsOf: URL(fileURLWithPath: target))) != knownBytes
    }

    /// Saves `document`. Unless `overwritingExternalChanges`, refuses when the
    /// file on disk changed since it was loaded or last saved.
    public mutating func save(_ document: PlanDocument, overwritingExternalChanges: Bool = false,
                              beforeRename: AtomicFile.CrashPoint? = nil) throws(Failure) {
        if !overwritingExternalChanges && hasChangedOnDisk() { throw .changedOnDisk(path: path) }
        // Through a symbolic link the real file is saved (its temporary beside
        // it), so the link stays a link; messages keep the path the user gave.
        let target: String
        do {
            target = try LinkTarget.resolve(path)
        } catch {
            throw .writeFailed(path: path, reason: error.reason)
        }
        // The rename below would replace a read-only file as easily as any
        // other (even for a user who could not write to it); someone made it
        // read-only on purpose, so say so instead.
        if Self.isReadOnly(target) { throw .writeFailed(path: path, reason: Phrase.dataReadOnly.text()) }
        let bytes = Data(document.text.utf8)
        do {
            try AtomicFile.write(bytes, to: target, beforeRename: beforeRename)
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        self.document = document
        self.knownBytes = bytes
    }

    /// An existing file that this user may not write, or that has no write
    /// permission for anyone (what `chmod a-w` means, even to root).
    static func isReadOnly(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return false }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        return mode & 0o222 == 0 || !FileManager.default.isWritableFile(atPath: path)
    }

    /// Reads with read(2) through a file handle rather than `Data(contentsOf:)`,
    /// which maps regular files and failed on devices and pipes (`/dev/null`
    /// said "You don't have permission"); an empty input is then an empty plan.
    static func readBytes(path: String) throws -> Data {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        return try handle.read(upToCount: maximumBytes + 1) ?? Data()
    }

    static func readableReason(_ error: Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return Phrase.dataNoSuchFile.text() }
        if isDirectory.boolValue { return Phrase.dataFolderNotFile.text() }
        if !FileManager.default.isReadableFile(atPath: path) { return Phrase.dataPermissionDenied.text() }
        return "\(error.localizedDescription)"
    }

    static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
