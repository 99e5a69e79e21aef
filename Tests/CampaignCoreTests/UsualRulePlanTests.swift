@testable import CampaignCore
import CampaignText
import Testing

/// Reading and checking a baseline rule's keys: each mistake is reported at
/// its own line and column, in English and in Chinese.
@Suite struct UsualRulePlanTests {
    static func load(_ alert: String, language: Language = .english) -> PlanLoader.Result {
        let yaml = """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }
        alerts:
          - \(alert)

        """
        return Language.$override.withValue(language) { PlanLoader.load(yaml: yaml) }
    }

    static func errors(_ alert: String, language: Language = .english) -> [String] {
        load(alert, language: language).diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test func theIssuesRuleReads() throws {
        let plan = try #require(Self.load("""
        { name: CTR far below usual, metric: ctr, per: channel, window: 1h, usual: hour_of_day, below_usual: 3.5, min_change: 30%, min_volume: 1000 }
        """).plan)
        let rule = plan.alerts[0]
        #expect(rule.usual == UsualBaseline(season: .hourOfDay, periods: 14, minChange: 0.3))
        #expect(rule.direction == .below && rule.threshold == "3.5")
        #expect(rule.usual?.minimumPoints == 7)
        let weekly = try #require(Self.load("""
        { name: spikes, metric: cpa, usual: hour_of_week, usual_weeks: 4, above_usual: 4, min_change: 0.5 }
        """).plan?.alerts[0])
        #expect(weekly.usual == UsualBaseline(season: .hourOfWeek, periods: 4, minChange: 0.5))
        #expect(weekly.direction == .above && weekly.usual?.minimumPoints == 3 && weekly.usual?.periodMinutes == 10_080)
    }

    @Test func eachMistakeIsReportedAtItsColumn() {
        // Each error points at its value: "  - { name: a, metric: ctr, " is 28 characters, so
        // `below_usual: 3` puts the 3 at column 42 (the columns were counted by Python's str.index).
        #expect(Self.errors("{ name: a, metric: ctr, below_usual: 3 }") == [
            "3:42 alert 'a' gives 'below_usual' but no 'usual'; add 'usual: hour_of_day' or 'usual: hour_of_week'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_month, below_usual: 3 }") == [
            "3:36 'usual' of alert 'a' must be one of hour_of_day, hour_of_week, got 'hour_of_month'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_day, below: 0.01 }") == [
            "3:56 alert 'a' is judged against its usual values and takes 'below_usual' or 'above_usual', not 'below'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_day, below_usual: -1 }") == [
            "3:62 'below_usual' of alert 'a' is a robust z (how many MADs from the usual median) and must be a number above 0, got '-1'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_day, below_usual: 3, recover: 4 }") == [
            "3:74 'recover' of alert 'a' must be at most its 'below_usual' (3): a recovery nearer the usual median than the alarm, got '4'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_week, usual_days: 14, below_usual: 3 }") == [
            "3:62 alert 'a' has 'usual: hour_of_week', which counts 'usual_weeks', not 'usual_days'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_day, usual_days: 5, below_usual: 3 }") == [
            "3:61 'usual_days' in alert 'a' must be at least 7, got 5",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_day, below_usual: 3, min_change: 130% }") == [
            "3:77 'min_change' of alert 'a' must be from 0% to 100%, got '130%'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, usual: hour_of_day, below_usual: 3, min_change: lots }") == [
            "3:77 'min_change' of alert 'a' must be a share such as 30% or 0.3, got 'lots'",
        ])
        #expect(Self.errors("{ name: a, metric: ctr, window: campaign, usual: hour_of_day, below_usual: 3 }") == [
            "3:37 alert 'a' is judged against its usual values, which needs a rolling window or 'day', not 'campaign'",
        ])
    }

    @Test func aRiseMayBeLargerThanAHundredPercent() throws {
        let rule = try #require(Self.load("{ name: a, metric: cpa, usual: hour_of_day, above_usual: 3, min_change: 150% }").plan?.alerts[0])
        #expect(rule.usual?.minChange == 1.5)
    }

    @Test func theMistakesReadInChinese() {
        let alerts = [
            "{ name: a, metric: ctr, below_usual: 3 }",
            "{ name: a, metric: ctr, usual: hour_of_day, below: 0.01 }",
            "{ name: a, metric: ctr, usual: hour_of_day, below_usual: -1 }",
            "{ name: a, metric: ctr, usual: hour_of_day, below_usual: 3, recover: 4 }",
            "{ name: a, metric: ctr, usual: hour_of_week, usual_days: 14, below_usual: 3 }",
            "{ name: a, metric: ctr, usual: hour_of_day, below_usual: 3, min_change: 130% }",
            "{ name: a, metric: ctr, usual: hour_of_day, below_usual: 3, min_change: lots }",
            "{ name: a, metric: ctr, window: campaign, usual: hour_of_day, below_usual: 3 }",
        ]
        for alert in alerts {
            let english = Self.errors(alert)
            let chinese = Self.errors(alert, language: .chinese)
            #expect(chinese.count == 1 && english.count == 1)
            // The same place in both languages.
            #expect(chinese.first?.split(separator: " ").first == english.first?.split(separator: " ").first)
            let message = chinese.first ?? ""
            #expect(EnglishWords.find(in: message.replacing(/'[^']*'/, with: "''")).isEmpty, "\(message)")
        }
        #expect(Self.errors(alerts[1], language: .chinese)
            == ["3:56 预警 'a' 按常态值判断，应写 'below_usual' 或 'above_usual'，不能写 'below'"])
    }

    /// Editing a baseline rule's threshold (T in the alert editor) changes its z
    /// under `below_usual:`, never adding a fixed `below:` beside it.
    @Test func editingTheThresholdWritesTheZ() throws {
        let yaml = """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }
        alerts:
          - { name: a, metric: ctr, per: channel, usual: hour_of_day, below_usual: 3.5, min_change: 30% }

        """
        let document = PlanDocument(text: yaml)
        let edited = try PlanEditor.apply(.setAlert(index: 0, field: .threshold, value: "3"), to: document)
        #expect(edited.document.text.split(separator: "\n")[2]
            == "  - { name: a, metric: ctr, per: channel, usual: hour_of_day, below_usual: 3, min_change: 30% }")
        #expect(edited.document.plan?.alerts[0].threshold == "3")
    }
}
