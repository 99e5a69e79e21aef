/// What one report file says: per hour and scope (channel, segment,
/// campaign), that hour's figures. Two rows for the same hour and scope: the
/// later replaces the earlier, as a later export replaces an earlier one.
public struct ReportFile: Sendable {
    /// One hour of one scope. A name the mapping does not give is "".
    public struct Key: Hashable, Sendable, Comparable {
        /// The hour's start in the campaign zone, epoch milliseconds.
        public var hour: Int64
        public var channel: String
        public var segment: String
        public var campaign: String

        public init(hour: Int64, channel: String = "", segment: String = "", campaign: String = "") {
            self.hour = hour
            self.channel = channel
            self.segment = segment
            self.campaign = campaign
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.hour, lhs.channel, lhs.segment, lhs.campaign) < (rhs.hour, rhs.channel, rhs.segment, rhs.campaign)
        }
    }

    public var path: String
    /// Each hour and scope's figures.
    public var figures: [Key: KPICounters] = [:]
    /// The keys in the order of their first row.
    public var keys: [Key] = []
    /// Data rows (blank lines aside), accepted or not.
    public var rows = 0
    public var rejected = 0
    /// The first `IngestStats.sampleLimit` rejected rows, with their line numbers.
    public var samples: [RejectedLineSample] = []

    public init(path: String) { self.path = path }

    mutating func take(_ key: Key, _ counters: KPICounters) {
        if figures.updateValue(counters, forKey: key) == nil { keys.append(key) }
    }

    mutating func reject(line: Int, _ problem: ReportRowProblem, excerpt: String) {
        rejected += 1
        if samples.count < IngestStats.sampleLimit {
            samples.append(RejectedLineSample(source: path, line: line, reason: .reportRow(problem), excerpt: excerpt))
        }
    }
}

extension ReportFile {
    /// How many keys' records are made and handed on at once.
    public static let recordSlice = 8_192

    /// The events that turn `old` figures of each key into `new` ones:
    /// one record per figure that changed, at the hour's start, with the
    /// difference as its count or amount (negative when a figure went down;
    /// the counters are additive, so adding the difference corrects them).
    /// Names are interned into `symbols`, as the JSON reader interns them.
    public static func records(_ changes: [(key: Key, old: KPICounters, new: KPICounters)],
                               symbols: inout EventSymbols) -> [EventRecord] {
        var records: [EventRecord] = []
        for change in changes {
            let key = change.key, old = change.old, new = change.new
            func id(_ name: String, _ table: inout SymbolTable) -> Int32 { name.isEmpty ? EventRecord.noSymbol : table.intern(name) }
            let channel = id(key.channel, &symbols.channels), segment = id(key.segment, &symbols.segments)
            let campaign = id(key.campaign, &symbols.campaigns)
            func add(_ type: EventType, count: Int64, amount: Money = .zero, hasAmount: Bool = false) {
                records.append(EventRecord(timestamp: key.hour, type: type, channel: channel, segment: segment, campaign: campaign,
                                           count: count, amount: amount, hasAmount: hasAmount))
            }
            if new.impressions != old.impressions { add(.impression, count: new.impressions - old.impressions) }
            if new.clicks != old.clicks { add(.click, count: new.clicks - old.clicks) }
            if new.conversions != old.conversions || new.revenue != old.revenue {
                add(.conversion, count: new.conversions - old.conversions, amount: new.revenue - old.revenue, hasAmount: true)
            }
            if new.spend != old.spend { add(.spend, count: 1, amount: new.spend - old.spend, hasAmount: true) }
            if new.reach != old.reach { add(.reach, count: new.reach - old.reach) }
            if new.participants != old.participants { add(.participation, count: new.participants - old.participants) }
        }
        return records
    }
}
