@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// ISO weeks and the period options of `report --week`, against facts worked
/// out by hand from a calendar (and Foundation's ISO 8601 calendar as an
/// independent check over many years).
@Suite struct ISOWeekTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    @Test func weekOneAndWeekFiftyThree() throws {
        // 2026 starts on a Thursday, so it has 53 weeks; 2025 starts on a Wednesday (not leap): 52.
        #expect(ISOWeek.weeks(in: 2026) == 53)
        #expect(ISOWeek.weeks(in: 2025) == 52)
        #expect(ISOWeek.weeks(in: 2020) == 53, "a leap year starting on a Wednesday")
        let w1 = try #require(ISOWeek(year: 2026, week: 1))
        #expect(w1.monday == Self.day("2025-12-29") && w1.sunday == Self.day("2026-01-04"))
        let w53 = try #require(ISOWeek(year: 2026, week: 53))
        #expect(w53.monday == Self.day("2026-12-28") && w53.sunday == Self.day("2027-01-03"))
        #expect(ISOWeek(containing: Self.day("2027-01-01")) == w53, "1 January 2027 (a Friday) is in 2026-W53")
        #expect(ISOWeek(containing: Self.day("2025-12-29")) == w1, "29 December 2025 is in 2026-W01")
        #expect(ISOWeek(containing: Self.day("2026-03-08")).description == "2026-W10")
        #expect(ISOWeek(containing: Self.day("2026-03-09")).description == "2026-W11")
        #expect(ISOWeek(year: 2025, week: 53) == nil)
        #expect(ISOWeek(year: 2026, week: 0) == nil)
        // The week after 2026-W53 is 2027-W01 and its previous period is 2026-W53.
        let after = ReportPeriod(week: try #require(ISOWeek(year: 2027, week: 1)))
        #expect(after.first == Self.day("2027-01-04"))
        #expect(after.previous.week == w53 && after.previous.first == w53.monday && after.previous.last == w53.sunday)
    }

    @Test func agreesWithFoundationsISOCalendarOverManyYears() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for ordinal in stride(from: Day(year: 1999, month: 12, day: 1)!.ordinal, to: Day(year: 2041, month: 1, day: 31)!.ordinal, by: 3) {
            let day = Day(ordinal: ordinal)
            let date = Date(timeIntervalSince1970: Double(ordinal) * 86_400)
            let week = ISOWeek(containing: day)
            #expect(week.year == calendar.component(.yearForWeekOfYear, from: date) && week.week == calendar.component(.weekOfYear, from: date),
                    "\(day)")
        }
    }

    @Test func theLastCompleteWeekOfTheData() {
        // Data up to a Wednesday, or a Monday: the week before is complete.
        #expect(ReportPeriod.lastCompleteWeek(latestDataDay: Self.day("2026-03-11")).description == "2026-W10")
        #expect(ReportPeriod.lastCompleteWeek(latestDataDay: Self.day("2026-03-09")).description == "2026-W10")
        // Data up to a Sunday: that week may still be arriving.
        #expect(ReportPeriod.lastCompleteWeek(latestDataDay: Self.day("2026-03-08")).description == "2026-W09")
        #expect(ReportPeriod.lastCompleteWeek(latestDataDay: Self.day("2027-01-05")).description == "2026-W53")
    }

    static func refusal(week: String? = nil, from: String? = nil, to: String? = nil) -> String? {
        do {
            _ = try ReportPeriod.choose(week: week, from: from.map(day), to: to.map(day), latestDataDay: day("2026-03-11"))
            return nil
        } catch {
            return (error as? ReportPeriodError)?.message ?? "\(error)"
        }
    }

    /// The bad inputs the English messages are worked out for; reused in Chinese below.
    static let bad: [(week: String?, from: String?, to: String?)] = [
        ("2026-W60", nil, nil), ("2026W10", nil, nil), ("2025-W53", nil, nil), ("2026-W00", nil, nil), ("1899-W10", nil, nil),
        ("2026-W1", nil, nil), ("", nil, nil), ("2026-W10", "2026-03-01", "2026-03-02"), ("last", "2026-03-01", nil),
        (nil, "2026-03-09", "2026-03-01"), (nil, "2026-03-01", nil), (nil, nil, "2026-03-01"), (nil, "2016-01-01", "2026-12-31"),
    ]

    @Test func badPeriodsSayWhatAndWhere() {
        let said = Language.$override.withValue(.english) { Self.bad.map { Self.refusal(week: $0.week, from: $0.from, to: $0.to) } }
        #expect(said == [
            "there is no week '2026-W60': 2026 has 53 ISO weeks (--week)",
            "'2026W10' is not an ISO week: write it like 2026-W10 (--week)",
            "there is no week '2025-W53': 2025 has 52 ISO weeks (--week)",
            "there is no week '2026-W00': 2026 has 53 ISO weeks (--week)",
            "'1899-W10': the year must be from 1900 to 9999 (--week)",
            "'2026-W1' is not an ISO week: write it like 2026-W10 (--week)",
            "'' is not an ISO week: write it like 2026-W10 (--week)",
            "--week and --from/--to both choose the period; give one or the other (--week)",
            "--week and --from/--to both choose the period; give one or the other (--week)",
            "--from 2026-03-09 is after --to 2026-03-01 (--from)",
            "--from needs --to: a period has a first and a last day (--from)",
            "--to needs --from: a period has a first and a last day (--to)",
            "the period has 4018 days; at most 3653 (--from)", // 2016-01-01…2026-12-31: 11 years, 3 of them leap
        ])
        #expect(Self.refusal(week: "2026-W53") == nil && Self.refusal(from: "2026-03-09", to: "2026-03-09") == nil)
        #expect(try! ReportPeriod.choose(week: "last", from: nil, to: nil, latestDataDay: Self.day("2026-03-11"))
            == ReportPeriod(week: ISOWeek(year: 2026, week: 10)!))
        #expect(try! ReportPeriod.choose(week: nil, from: nil, to: nil, latestDataDay: nil) == nil, "no period option: the results report")
        #expect(Self.refusal(week: "last") == nil)
    }

    @Test func badPeriodsInChinese() {
        Language.$override.withValue(.chinese) {
            for bad in Self.bad {
                let said = Self.refusal(week: bad.week, from: bad.from, to: bad.to) ?? ""
                #expect(!said.isEmpty && EnglishWords.find(in: said).isEmpty, "\(said): \(EnglishWords.find(in: said))")
            }
            #expect(Self.refusal(week: "2026-W60") == "不存在 '2026-W60' 这一周：2026 年共有 53 周（--week）")
            #expect(Self.refusal(from: "2026-03-09", to: "2026-03-01") == "--from 2026-03-09 晚于 --to 2026-03-01（--from）")
        }
    }

    @Test func aBareWeekOptionMeansTheLastCompleteWeek() {
        #expect(BareWeekArgument.filled(["report", "--week"]) == ["report", "--week", "last"])
        #expect(BareWeekArgument.filled(["report", "--week", "events.jsonl"]) == ["report", "--week", "last", "events.jsonl"])
        #expect(BareWeekArgument.filled(["report", "--week", "-"]) == ["report", "--week", "last", "-"])
        #expect(BareWeekArgument.filled(["report", "--week", "--format", "json"]) == ["report", "--week", "last", "--format", "json"])
        #expect(BareWeekArgument.filled(["report", "--week", "2026W10"]) == ["report", "--week", "2026W10"], "a bad week is judged")
        #expect(BareWeekArgument.filled(["report", "--week", "last"]) == ["report", "--week", "last"])
        #expect(BareWeekArgument.filled(["kpi", "--week"]) == ["kpi", "--week"], "only report has --week")
        #expect(BareWeekArgument.filled(["report", "--", "--week"]) == ["report", "--", "--week"])
    }
}
