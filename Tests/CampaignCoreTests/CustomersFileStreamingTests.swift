@testable import CampaignCore
import Foundation
import Testing

/// A customers file read from disk in chunks (`CustomersInput.read(path:)`):
/// the edges of a file fed piece by piece, each expectation worked out by
/// hand from the file's text, and records that straddle the 1 MiB chunk.
@Suite struct CustomersFileStreamingTests {
    static func read(_ text: String, mergeOn: String? = nil) throws -> CustomerAttributes {
        let path = NSTemporaryDirectory() + "customers-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CustomersInput.read(path: path, mergeOn: mergeOn)
    }

    static func problems(_ attributes: CustomerAttributes) -> [String] {
        attributes.problems.map { "\($0.line): \($0.description)" }
    }

    @Test func aHalfWrittenLastLineIsReadAsALine() throws {
        // B's row stops after its id: two fields expected, one found, on line 3.
        let cut = try Self.read("customer_id,age\nA,30\nB")
        #expect(cut.ids == ["A"] && cut.rowsRead == 2)
        #expect(Self.problems(cut) == ["3: expected 2 fields, found 1"])
        // Cut inside the last value: that value, as far as it goes.
        let short = try Self.read("customer_id,age\nA,30\nB,4")
        #expect(short.ids == ["A", "B"] && short.value("age", of: "B") == "4")
        // Cut inside a quote: the quote is reported on its line, nothing after it is lost.
        let quote = try Self.read("customer_id,age\nA,30\nB,\"4")
        #expect(quote.ids == ["A"])
        #expect(Self.problems(quote) == ["3: a quote opened on this line is not closed; reading resumed on the next line"])
    }

    @Test func onlyAHeaderIsNoCustomersAndNoProblem() throws {
        for text in ["customer_id,age\n", "customer_id,age", "customer_id,age\r\n\r\n"] {
            let attributes = try Self.read(text)
            #expect(attributes.ids.isEmpty && attributes.problems.isEmpty && attributes.rowsRead == 0, "\(text.debugDescription)")
            #expect(attributes.columns == ["age"])
        }
        #expect(throws: CustomersInput.ReadError.self) { try Self.read("") }
    }

    @Test func crlfByteOrderMarkAndAQuotedLineBreak() throws {
        let attributes = try Self.read("\u{FEFF}customer_id,note,age\r\nA,\"two\r\nlines\",30\r\nB,\"say \"\"hi\"\"\",31\r\n")
        #expect(attributes.columns == ["note", "age"])
        #expect(attributes.ids == ["A", "B"])
        #expect(attributes.value("note", of: "A") == "two\r\nlines")
        #expect(attributes.value("age", of: "A") == "30")
        #expect(attributes.value("note", of: "B") == "say \"hi\"")
        #expect(attributes.value("age", of: "B") == "31")
        #expect(attributes.problems.isEmpty)
        // B's note takes lines 2 and 3, C is line 4, so B's repeat is line 5.
        let repeated = try Self.read("customer_id,note\r\nB,\"a\nb\"\r\nC,x\r\nB,y\r\n")
        #expect(Self.problems(repeated) == ["5: customer 'B' already described on line 2; the first stands"])
    }

    /// Rows of 100 bytes around the 1 MiB chunk: whichever row the chunk's
    /// end cuts (in its id, in a quoted line break, in the line end) is
    /// read whole. Each row's values follow from its number.
    @Test func recordsStraddlingTheChunkAreReadWhole() throws {
        var text = "customer_id,note,age\n"
        let count = 25_000   // 2.5 MB: two chunk boundaries
        for i in 0..<count {
            let note = "n\(i)\n" + String(repeating: "x", count: 60)
            text += "C\(String(format: "%08d", i)),\"\(note)\",\(i % 100)\n"
        }
        let attributes = try Self.read(text)
        #expect(attributes.ids.count == count && attributes.problems.isEmpty && attributes.rowsRead == count)
        for i in stride(from: 0, to: count, by: 1) where i % 997 == 0 || (10_300...10_500).contains(i) || (20_700...20_900).contains(i) {
            let id = "C\(String(format: "%08d", i))"
            #expect(attributes.value("age", of: id) == "\(i % 100)")
            #expect(attributes.value("note", of: id) == "n\(i)\n" + String(repeating: "x", count: 60))
        }
    }

    /// A million distinct ids (with a shared phone every 1,000th row for the
    /// merge): every id is found, the merges are exactly the ones written.
    @Test func aMillionDistinctKeys() throws {
        var text = "customer_id,phone\n"
        text.reserveCapacity(20 << 20)
        for i in 0..<1_000_000 {
            text += "K\(i),\(i % 1000 == 1 ? i - 1 : i)\n"
        }
        let attributes = try Self.read(text, mergeOn: "phone")
        #expect(attributes.rowsRead == 1_000_000)
        // Row 1, 1001, 2001 … share the phone of the row before: 1,000 merges.
        #expect(attributes.ids.count == 999_000)
        #expect(attributes.merges.count == 1000)
        #expect(attributes.standingID(of: "K1001") == "K1000")
        #expect(attributes.standingID(of: "K999999") == "K999999")
        #expect(attributes.value("phone", of: "K500000") == "500000")
    }
}
