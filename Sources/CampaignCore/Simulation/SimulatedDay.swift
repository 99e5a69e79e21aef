/// One campaign day being generated: the day's levels, drawn when it starts,
/// and the running remainders that turn expected volumes into whole counts.
///
/// Every day draws from its own generator, seeded from (seed, day), and starts
/// its remainders afresh, so a run that starts on this day writes exactly the
/// same bytes for it as a run that started weeks earlier.
struct SimulatedDay {
    /// A channel's levels for the day.
    struct ChannelDay {
        /// Top-of-funnel units for the whole day, before the minute rhythm.
        var volume: Double
        var shares: [Double]
        var ctrFactor: Double
        var costFactor: Double
        /// Community engagement against a normal day (participation and clicks follow the DAU ratio).
        var engagement: Double
        var fatigue: ScriptedIncidents.Window?
        var spike: ScriptedIncidents.Window?
    }

    let day: Day
    let dayOffset: Int
    let startEpoch: Int64
    let minuteCount: Int
    private let zoneFirst: Int
    private let zoneChangeAt: Int64
    private let zoneSecond: Int
    var rng: SplitMix64
    var channels: [ChannelDay]
    /// Remainders per stream and funnel slot: expected volume not yet written as a whole count (or cent).
    var carries: [Double]
    private let community: CommunityDay?
    /// Lines written so far in the minute being emitted.
    var linesThisMinute = 0

    static let slotsPerStream = 5

    init(model: SimulationModel, day: Day) {
        self.day = day
        dayOffset = day - model.campaignStart
        startEpoch = model.clock.midnight(of: day)
        let endEpoch = model.clock.midnight(of: day + 1)
        minuteCount = Int((endEpoch - startEpoch) / 60)
        (zoneFirst, zoneChangeAt, zoneSecond) = model.clock.offsets(from: startEpoch, to: endEpoch)
        rng = SplitMix64(seed: SplitMix64.hash(model.seed, UInt64(bitPattern: Int64(day.ordinal)), 0x6461_7973))

        let weekend = DailyRhythm.isWeekend(day)
        let incidents = model.scriptedIncidents
        let fatigue = ScriptedIncidents.creativeFatigue, spike = ScriptedIncidents.cpaSpike
        let dauRatio = model.community?.dauRatio(dayOffset: dayOffset, incidents: incidents)
        let offset = dayOffset
        var rng = self.rng
        channels = model.channels.enumerated().map { index, channel in
            let profile = channel.profile
            let weekly = weekend ? profile.weekendFactor : 1
            let phase = model.phases.activity(profile.funnel, dayOffset: offset)
            let isCommunity = model.community?.channelIndex == index
            return ChannelDay(
                volume: channel.topPerDay * phase * weekly * rng.jitter(0.08),
                shares: weekend ? channel.weekendShares : channel.weekdayShares,
                ctrFactor: rng.jitter(0.05),
                costFactor: rng.jitter(0.04),
                engagement: isCommunity ? (dauRatio ?? 0.32) / 0.32 : 1,
                fatigue: channel.hasCreativeFatigue && fatigue.dayOffset == offset ? fatigue : nil,
                spike: channel.hasCPASpike && spike.dayOffset == offset ? spike : nil)
        }
        carries = (0..<model.streams.count * Self.slotsPerStream).map { _ in rng.unit() }
        self.rng = rng

        if let communityModel = model.community {
            let channel = model.channels[communityModel.channelIndex]
            let shares = weekend ? channel.weekendShares : channel.weekdayShares
            let first = zoneFirst, changeAt = zoneChangeAt, second = zoneSecond, start = startEpoch
            let elapsedShares = (0..<minuteCount).map { elapsed -> Double in
                let epoch = start + Int64(elapsed) * 60
                return shares[Self.wallMinute(epoch: epoch, offset: epoch < changeAt ? first : second, day: day)]
            }
            community = CommunityDay(model: communityModel, dayOffset: dayOffset, incidents: incidents,
                                     minuteShares: elapsedShares)
        } else {
            community = nil
        }
    }

    /// Minute of the wall-clock day, 0…1439.
    static func wallMinute(epoch: Int64, offset: Int, day: Day) -> Int {
        let seconds = epoch + Int64(offset) - Int64(day.ordinal) * 86_400
        return min(max(Int(seconds / 60), 0), DailyRhythm.minutesPerDay - 1)
    }

    /// Appends every line of elapsed minute `elapsed` (0 = local midnight) to `out`.
    mutating func emit(minute elapsed: Int, model: SimulationModel, into out: inout [UInt8]) -> MinuteStamp {
        let epoch = startEpoch + Int64(elapsed) * 60
        let offset = epoch < zoneChangeAt ? zoneFirst : zoneSecond
        let wall = Self.wallMinute(epoch: epoch, offset: offset, day: day)
        var head = LinePrefix.head
        head.append(contentsOf: RFC3339.bytes(epoch: epoch, offsetSeconds: offset))
        linesThisMinute = 0

        // The gauge first, so a reader has a member total before the first active user.
        if let community, let model = model.community, wall % 60 == 0 || elapsed == 0 {
            out.append(contentsOf: head)
            out.append(contentsOf: model.membersPrefix)
            out.append(contentsOf: LinePrefix.count)
            out.appendDecimal(community.gauge(hour: wall / 60))
            out.append(contentsOf: LinePrefix.end)
            linesThisMinute += 1
        }
        for index in model.streams.indices {
            emitStream(index, wallMinute: wall, model: model, head: head, into: &out)
        }
        if let community, let model = model.community {
            for member in community.active(minute: elapsed) {
                out.append(contentsOf: head)
                out.append(contentsOf: model.activePrefixes[model.segment(member: Int(member))])
                out.append(contentsOf: LinePrefix.user)
                out.appendMemberID(Int(member))
                out.append(contentsOf: LinePrefix.quotedEnd)
                linesThisMinute += 1
            }
        }
        return MinuteStamp(epochSeconds: epoch, utcOffsetSeconds: offset, day: day, minuteOfDay: wall, lineCount: linesThisMinute)
    }
}
