@testable import CampaignCore
import CampaignText
import Testing

/// A customers file: cleaned values, refused rows and values with their line,
/// customers that share a phone merged into one.
@Suite struct CustomerAttributesTests {
    static let file = """
        customer_id,gender,age,city,phone
        c1,M,34,北京市,13800000001
        c2,女,150,广东省,13800000002
        c3,female,abc,广西壮族自治区,13800000001
        c4,unknown,28,沙市,
        ,男,30,上海,13800000009
        c2,男,40,上海,13800000003
        c5,1,
        c6,2,0,,13800000006

        """

    @Test func valuesAreStandardisedAndBadOnesRefusedWithTheirLine() throws {
        let customers = try CustomerAttributesReader.read(Self.file)
        #expect(customers.columns == ["gender", "age", "city", "phone"])
        #expect(customers.rowsRead == 8)
        #expect(customers.value("gender", of: "c1") == "男")
        #expect(customers.value("gender", of: "c3") == "女")
        #expect(customers.value("gender", of: "c6") == "女", "GB/T 2261.1: 2 is female")
        #expect(customers.value("city", of: "c1") == "北京")
        #expect(customers.value("city", of: "c2") == "广东")
        #expect(customers.value("city", of: "c3") == "广西")
        #expect(customers.value("city", of: "c4") == "沙市", "a two-character name keeps its 市")
        #expect(customers.value("age", of: "c6") == "0", "0 is a valid age")
        // Refused values leave the customer, without that value.
        #expect(customers.value("age", of: "c2") == nil && customers.value("city", of: "c2") == "广东")
        #expect(customers.value("gender", of: "c4") == nil && customers.value("age", of: "c4") == "28")
        let listed = customers.problems.map { "\($0.line) \($0.column ?? "-") \($0.description)" }
        #expect(listed == [
            "3 age column 'age': 150 is out of range (0 to 120)",
            "4 age column 'age': 'abc' is not a number",
            "5 gender column 'gender': unknown value 'unknown' (known: 女, 男)",
            "6 - empty customer id",
            "7 - customer 'c2' already described on line 3; the first stands",
            "8 - expected 5 fields, found 3",
        ])
    }

    @Test func customersWhoShareAPhoneBecomeOne() throws {
        let customers = try CustomerAttributesReader.read(Self.file, mergeOn: "phone")
        #expect(customers.merges == [CustomerMerge(kept: "c1", merged: ["c3"], column: "phone", value: "13800000001")])
        #expect(customers.ids == ["c1", "c2", "c4", "c6"])
        #expect(customers.standingID(of: "c3") == "c1")
        #expect(customers.value("gender", of: "c3") == "男", "read by the merged id, the standing customer's values")
        // An empty phone merges nobody.
        #expect(customers.standingID(of: "c4") == "c4")
    }

    @Test func aMergedCustomerTakesValuesTheFirstLacks() throws {
        let text = "customer_id,phone,age,gender\na,139,,男\nb,139,31,\nc,139,45,女\n"
        let customers = try CustomerAttributesReader.read(text, mergeOn: "phone")
        #expect(customers.ids == ["a"])
        #expect(customers.value("age", of: "a") == "31", "the next row that has it")
        #expect(customers.value("gender", of: "c") == "男", "the first row's own value stands")
        #expect(customers.merges.first?.merged == ["b", "c"])
    }

    @Test func aPlanAddsSpellingsAndRanges() throws {
        var cleaning = AttributeCleaning.standard
        cleaning.add(spellings: ["金卡": "gold", "Gold": "gold", "银卡": "silver"], for: "tier")
        cleaning.limit("income", to: 0...10_000_000)
        cleaning.declareNumber("city_tier")
        let text = "customer_id,tier,income,city_tier\na,金卡,5000,1\nb,GOLD,-1,二线\nc,铜卡,1e9,nan\n"
        let customers = try CustomerAttributesReader.read(text, cleaning: cleaning)
        #expect(customers.value("tier", of: "a") == "gold" && customers.value("tier", of: "b") == "gold")
        #expect(customers.value("income", of: "a") == "5000" && customers.value("city_tier", of: "a") == "1")
        #expect(customers.problems.map { "\($0.line) \($0.column!)" } == ["3 income", "3 city_tier", "4 tier", "4 income", "4 city_tier"])
    }

    @Test func completenessIsTheShareFilledIn() throws {
        let customers = try CustomerAttributesReader.read(Self.file)
        // Five customers stand (c1, c2, c3, c4, c6: the empty id, the repeated
        // c2 and c5's short row are refused); age is filled for c1, c4 and c6
        // (c2's 150 and c3's abc refused).
        #expect(customers.ids.count == 5)
        #expect(customers.completeness(of: "age") == 3.0 / 5.0)
        #expect(customers.completeness(of: "nothing") == nil)
    }

    @Test func aStrayQuoteCostsOneLine() throws {
        let text = "customer_id,name\na,\"unclosed\nb,fine\nc,also fine\n"
        let customers = try CustomerAttributesReader.read(text)
        #expect(customers.value("name", of: "b") == "fine" && customers.value("name", of: "c") == "also fine")
        #expect(customers.problems.map(\.line) == [2])
    }

    @Test func aHeaderWithoutTheIDOrTheMergeColumnStopsWithItsNames() {
        #expect(throws: CustomerAttributesReader.FileError.self) { try CustomerAttributesReader.read("id,gender\n1,M\n") }
        do {
            _ = try CustomerAttributesReader.read("id,gender\n1,M\n")
        } catch {
            #expect(error.description == "no column 'customer_id' in the customers file's header (id, gender)")
        }
        do {
            _ = try CustomerAttributesReader.read("customer_id,gender\n1,M\n", mergeOn: "phone")
        } catch {
            #expect(error.description == "cannot merge on 'phone': no such column in the header (customer_id, gender)")
        }
        do {
            _ = try CustomerAttributesReader.read("\n\n")
        } catch {
            #expect(error.description == "the customers file is empty: expected a header line with 'customer_id'")
        }
    }

    @Test func problemsReadInChinese() throws {
        let customers = try CustomerAttributesReader.read(Self.file)
        Language.$override.withValue(.chinese) {
            #expect(customers.problems.map(\.description) == [
                "列 'age'：150 超出范围（0 至 120）",
                "列 'age'：'abc' 不是数字",
                "列 'gender'：无法识别的值 'unknown'（可识别：女, 男）",
                "客户 ID 为空",
                "客户 'c2' 已在第 3 行出现，以第一次为准",
                "应有 5 个字段，实际 3 个",
            ])
        }
    }

    @Test func twoHundredThousandCustomersAreAllFound() throws {
        var text = "customer_id,gender,age,phone\n"
        for index in 0..<200_000 { text += "id-\(index),\(index % 2 == 0 ? "M" : "F"),\(index % 121),\(index % 150_000)\n" }
        let customers = try CustomerAttributesReader.read(text, mergeOn: "phone")
        #expect(customers.problems.isEmpty)
        // Phones repeat after 150,000: the last 50,000 merge into the first.
        #expect(customers.ids.count == 150_000)
        #expect(customers.merges.count == 50_000)
        #expect(customers.standingID(of: "id-199999") == "id-49999")
        #expect(customers.value("age", of: "id-120") == "120" && customers.value("gender", of: "id-1") == "女")
    }
}
