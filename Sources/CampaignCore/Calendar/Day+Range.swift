extension Day {
    /// The years a date may have where a person types one (plan dates,
    /// `--as-of`). Why: outside them a date prints in other than four digits
    /// (`0000` minus a day is year -1, `9999-12-31` plus a day is `10000-01-01`)
    /// and no campaign plausibly lies there.
    public static let supportedYears = 1900...9999

    /// "1900-01-01 to 9999-12-31", for messages.
    public static let supportedRangeText = "\(supportedYears.lowerBound)-01-01 to \(supportedYears.upperBound)-12-31"

    /// Whether the date lies within `supportedYears`.
    public var isInSupportedRange: Bool { Day.supportedYears.contains(components.year) }
}

extension Day {
    /// The days a recorded fact (a purchase) may fall on: 1900-01-01 to
    /// 9999-12-30, one day short of `supportedYears` so that the day after
    /// the latest one (the default `--as-of`) is still a four-digit date.
    public static let recordedRange = Day(year: 1900, month: 1, day: 1)!...Day(year: 9999, month: 12, day: 30)!
}
