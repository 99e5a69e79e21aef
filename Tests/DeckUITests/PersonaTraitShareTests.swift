@testable import CampaignCore
import CampaignText
@testable import DeckUI
import Testing

/// A trait line on the persona card keeps its four largest values in the
/// trait's own order and says what the rest hold, so its shares add up: the
/// card once showed the four youngest age bands of six and dropped the rest
/// (found at 80×24 on a customers file with ages 16–70).
@Suite struct PersonaTraitShareTests {
    @Test func theLargestBandsStayInAgeOrderAndTheRestAreOthers() {
        // 100 members; bands young to old as SegmentPortrait keeps them; 10 without an age.
        let age = SegmentPortrait.Trait(column: "age", values: [("0–17", 4), ("18–24", 12), ("25–34", 18), ("35–44", 16),
                                                                ("45–54", 15), ("55+", 25)], known: 90)
        let portrait = SegmentPortrait(customers: 100, lifecycle: [0, 100, 0, 0, 0], averageCLV: nil, traits: [age])
        let lines = Language.$override.withValue(.english) { PersonaCard.portraitLines(portrait, currency: "CNY") }
        // The four largest: 55+ 25, 25–34 18, 35–44 16, 45–54 15; the others 4 + 12 = 16; unknown 10.
        #expect(lines.contains("  age: 25–34 18% · 35–44 16% · 45–54 15% · 55+ 25% · others 16% · unknown 10%"), "\(lines)")
        let chinese = Language.$override.withValue(.chinese) { PersonaCard.portraitLines(portrait, currency: "CNY") }
        #expect(chinese.contains("  age：25–34 18% · 35–44 16% · 45–54 15% · 55+ 25% · 其他 16% · 未知 10%"), "\(chinese)")
    }

    @Test func tiesKeepTheEarlierValueAndFourOrFewerNeedNoOthers() {
        let gender = SegmentPortrait.Trait(column: "gender", values: [("女", 5), ("男", 5)], known: 10)
        let tiers = SegmentPortrait.Trait(column: "city_tier", values: [("1", 2), ("2", 2), ("3", 2), ("4", 2), ("5", 2)], known: 10)
        let portrait = SegmentPortrait(customers: 10, lifecycle: [10, 0, 0, 0, 0], averageCLV: nil, traits: [gender, tiers])
        let lines = Language.$override.withValue(.english) { PersonaCard.portraitLines(portrait, currency: "CNY") }
        #expect(lines.contains("  gender: 女 50% · 男 50%"), "\(lines)")
        // Five tiers of 2: the first four by their order, tier 5 among the others.
        #expect(lines.contains("  city_tier: 1 20% · 2 20% · 3 20% · 4 20% · others 20%"), "\(lines)")
    }
}
