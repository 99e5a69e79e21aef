/// What makes an alert rule a "below usual" (or "above usual") rule: it is
/// judged against the same window at the same time on past days or weeks,
/// not against a fixed number. Its threshold is a robust z in MAD units.
public struct UsualBaseline: Sendable, Equatable {
    public enum Season: String, CaseIterable, Sendable {
        /// The same hour of the day over the last `periods` days.
        case hourOfDay = "hour_of_day"
        /// The same weekday and hour over the last `periods` weeks.
        case hourOfWeek = "hour_of_week"
    }

    public var season: Season
    /// Past days (hour_of_day) or weeks (hour_of_week) the usual points come from.
    public var periods: Int
    /// The relative distance from the usual median a value must also have
    /// (0.3 = 30 %): a real move, not noise on a quiet series.
    public var minChange: Double

    public init(season: Season, periods: Int? = nil, minChange: Double = 0) {
        self.season = season
        self.periods = periods ?? season.defaultPeriods
        self.minChange = minChange
    }

    /// Points needed before "usual" means anything; fewer is no data.
    public var minimumPoints: Int { season.minimumPoints }
    /// Minutes between one usual point and the next (a day or a week).
    public var periodMinutes: Int64 { season == .hourOfDay ? 1_440 : 10_080 }
}

extension UsualBaseline.Season {
    /// The plan key that counts this season's periods.
    public var periodsKey: String { self == .hourOfDay ? "usual_days" : "usual_weeks" }
    public var defaultPeriods: Int { self == .hourOfDay ? 14 : 6 }
    public var minimumPoints: Int { self == .hourOfDay ? 7 : 3 }
    /// The longest look back: eight weeks either way, so a scope's kept values stay bounded.
    public var maximumPeriods: Int { self == .hourOfDay ? 56 : 8 }
}
