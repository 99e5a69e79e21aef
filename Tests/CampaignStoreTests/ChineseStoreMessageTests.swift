@testable import CampaignStore
import CampaignCore
import CampaignText
import Foundation
import GRDB
import Testing

/// The broken and foreign database files of DatabaseOpeningTests, and the
/// store's other refusals, read under Chinese: the message is Chinese, the
/// file stays at the end in （）, and the English is what it was.
@Suite struct ChineseStoreMessageTests {
    static func chinese<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.chinese, operation: body) }

    /// The message DeckDatabase refuses `path` with, in Chinese.
    static func refusal(_ path: String) -> String {
        chinese {
            do {
                _ = try DeckDatabase(path: path)
                return ""
            } catch {
                return "\(error)"
            }
        }
    }

    /// English words left once the path (data) is taken out.
    static func englishWords(_ message: String, path: String) -> [String] {
        EnglishWords.find(in: message.replacingOccurrences(of: path, with: ""))
    }

    @Test func refusedFilesAreNamedInChinese() throws {
        let folder = TemporaryFolder()
        let text = folder.file("plan.yaml")
        try Data("campaign:\n  id: x\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(Self.refusal(text) == "不是 CampaignDeck 数据库：该文件不是 SQLite 文件；未做任何改动（\(text)）")

        let other = folder.file("other.sqlite")
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in try db.execute(sql: "CREATE TABLE contacts(name TEXT)") }
        try queue.close()
        #expect(Self.refusal(other) == "不是 CampaignDeck 数据库：这是其他应用的 SQLite 文件；未做任何改动（\(other)）")

        let future = folder.file("future.deck.sqlite")
        try DeckDatabase(path: future).close()
        let raw = try DatabaseQueue(path: future)
        try raw.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('future-migration'); PRAGMA user_version = \(DeckSchema.currentVersion + 1)")
        }
        try raw.close()
        let newer = Self.refusal(future)
        #expect(newer == "数据库由更新版本的 CampaignDeck 写入（结构版本 v\(DeckSchema.currentVersion + 1)；本版本最高支持 v\(DeckSchema.currentVersion)）；未做任何改动（\(future)）")

        #expect(Self.refusal(folder.path) == "无法打开数据库：这是一个文件夹（\(folder.path)）")
        for path in [text, other, future, folder.path] {
            #expect(Self.englishWords(Self.refusal(path), path: path).isEmpty, "\(Self.refusal(path))")
        }
    }

    @Test func aTruncatedFileSaysHowShortInChinese() throws {
        let folder = TemporaryFolder()
        let path = folder.file("cut.deck.sqlite")
        let database = try DeckDatabase(path: path)
        let log = AnomalyLog(database: database)
        for i in 0..<200 {
            _ = try log.open(ManualAnomaly(title: String(repeating: "long title \(i) ", count: 20)), author: "ana", at: 1_000)
        }
        try database.close()
        let whole = try #require(StoreFixtures.fileBytes(path))
        let half = whole.prefix(whole.count / 2)
        try half.write(to: URL(fileURLWithPath: path))
        let message = Self.refusal(path)
        #expect(message.hasPrefix("数据库已损坏（文件被截断：只有 \(half.count) 字节，文件头记录的是 "), "\(message)")
        #expect(message.hasSuffix("字节）；未做任何改动（\(path)）"))
        #expect(Self.englishWords(message, path: path).isEmpty)
    }

    @Test func everyStoreErrorIsChineseAndKeepsWhereItHappened() {
        let errors: [(StoreError, String)] = [
            (.notADatabase(path: "a.sqlite"), "a.sqlite"), (.foreignDatabase(path: "a.sqlite"), "a.sqlite"),
            (.corrupt(path: "a.sqlite", detail: Self.chinese { Phrase.dataMalformed.text() }), "a.sqlite"),
            (.newerSchema(path: "a.sqlite", found: 9, known: 8), "a.sqlite"),
            (.cannotOpen(path: "a.sqlite", detail: Self.chinese { SystemErrorText.of(EACCES) }), "a.sqlite"),
            (.unknownAnomaly(id: 7), "异常记录"), (.anomalyResolved(id: 7), "异常 7"), (.anomalyNotResolved(id: 7), "异常 7"),
            (.noDatabase(path: "x.sqlite", option: "--db"), "--db"),
            (.noDatabase(path: "x.sqlite", option: Self.chinese { Phrase.dataDefaultDatabase.text() }), "默认数据库；请用 --db 指定"),
            (.writeFailed(detail: "磁盘已满"), "数据库"), (.cannotWrite(path: "a.sqlite", detail: "磁盘已满"), "a.sqlite"),
            (.concurrentIngest(path: "e.jsonl"), "e.jsonl"), (.unknownSilence(id: 4), "静默"),
            (.silenceEnded(id: 4, byHand: true), "静默 4"), (.silenceEnded(id: 4, byHand: false), "静默 4"),
        ]
        for (error, place) in errors {
            let message = Self.chinese { error.description }
            #expect(message.hasSuffix("（\(place)）"), "\(message)")
            #expect(EnglishWords.find(in: message.replacingOccurrences(of: "a.sqlite", with: "")).isEmpty, "\(message)")
        }
        #expect(Self.chinese { StoreError.silenceEnded(id: 4, byHand: false).description } == "静默 4 已经结束（已到期）；无需再次结束（静默 4）")
        #expect(Self.chinese { StoreError.sourceUnreadable(path: "/x.jsonl", detail: SystemErrorText.of(ENOENT)).description }
            == "无法读取 /x.jsonl：文件或目录不存在")
    }

    /// Why loading `path` fails, in Chinese.
    static func loadFailure(_ path: String) -> String {
        chinese {
            do {
                _ = try PlanFile.load(path: path)
                return ""
            } catch {
                return "\(error)"
            }
        }
    }

    @Test func planFileAndNameRefusalsInChinese() throws {
        let folder = TemporaryFolder()
        #expect(Self.loadFailure(folder.path) == "无法读取方案：这是一个文件夹，不是文件（\(folder.path)）")
        let missing = folder.file("none.yaml")
        #expect(Self.loadFailure(missing) == "无法读取方案：文件不存在（\(missing)）")
        let latin1 = folder.file("latin1.yaml")
        try Data([0x61, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        #expect(Self.loadFailure(latin1) == "方案不是 UTF-8 文本：偏移 3 处有无效字节（\(latin1)）")
        for name in ["", "plans/", "a\u{7}b", ".yaml"] {
            let reason = Self.chinese { () -> String in
                do {
                    _ = try PlanFileName.path(forName: name)
                    return ""
                } catch {
                    return (error as? PlanFileName.Refusal)?.reason ?? "\(error)"
                }
            }
            #expect(!reason.isEmpty && EnglishWords.find(in: reason).isEmpty, "\(name): \(reason)")
        }
        // A plan that exists is refused with a flag the caller can test in any language.
        let existing = folder.file("p.yaml")
        try Data("x".utf8).write(to: URL(fileURLWithPath: existing))
        #expect {
            try Self.chinese { try AtomicFile.create(Data("y".utf8), at: existing) }
        } throws: { error in
            guard let error = error as? AtomicFile.WriteError else { return false }
            return error.alreadyExisted && error.reason == "文件已存在"
                && Self.chinese { error.description } == "无法写入 \(existing)：文件已存在"
        }
    }

    /// Stored text is read later by processes in any language: it stays English.
    @Test func rejectedLineReasonsAreStoredInEnglish() throws {
        let folder = TemporaryFolder()
        let database = try DeckDatabase(path: folder.file("d.sqlite"))
        let samples = [
            RejectedLineSample(source: "e.jsonl", line: 1, reason: .negativeNumber(.count), excerpt: "x"),
            RejectedLineSample(source: "e.jsonl", line: 2, reason: .invalidJSON(.expectedObjectOrValue, at: 1), excerpt: "hello"),
        ]
        try Self.chinese { try database.writeSQL { session in try CommitWorker.store(samples, source: "e.jsonl", session) } }
        let reasons = try database.read { db in try String.fetchAll(db, sql: "SELECT reason FROM rejected_line ORDER BY line") }
        #expect(reasons == ["negative 'count'", "invalid JSON: expected '{' at byte 1"])
        #expect(Self.chinese { samples[0].reason.message } == "'count' 为负数")
    }
}
