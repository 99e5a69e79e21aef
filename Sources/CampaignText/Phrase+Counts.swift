// Counted phrases: English says 1 day / 2 days, Chinese 1 天 / 2 天.

extension Phrase {
    /// `1 day`, `3 days` (`1 天`, `3 天`).
    public static func days(_ count: Int) -> String {
        count == 1 ? Phrase.oneDay.text() : Phrase.manyDays.text(count)
    }
}
