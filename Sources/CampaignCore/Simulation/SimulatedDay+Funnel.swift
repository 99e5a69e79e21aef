/// The per-minute funnel for one stream (a segment on a channel): expected
/// volumes from the day's levels, the minute's rhythm and small noise, turned
/// into whole counts and cents by carrying remainders. Downstream steps use
/// expected (not rounded) volumes, so ratios like CTR and CPA stay smooth
/// even in quiet hours, where rounding noise could look like a breach.
extension SimulatedDay {
    mutating func emitStream(_ index: Int, wallMinute: Int, model: SimulationModel, head: [UInt8],
                             into out: inout [UInt8]) {
        let stream = model.streams[index]
        let channel = channels[stream.channel]
        let rhythm = channel.shares[wallMinute]
        guard channel.volume > 0, rhythm > 0 else { return }
        let profile = model.channels[stream.channel].profile
        let slot = index * Self.slotsPerStream
        let prefixes = stream.prefixes
        let top = channel.volume * stream.share * rhythm * rng.jitter(0.25)
        let aov = model.averageOrderValue * stream.segment.aovFactor
        let cost = profile.unitCost * channel.costFactor

        switch profile.funnel {
        case .paid, .earned:
            var ctr = profile.clickRate * stream.segment.ctrFactor * channel.ctrFactor
            if let fatigue = channel.fatigue, fatigue.contains(minuteOfDay: wallMinute) {
                ctr *= Self.fatigueFactor(fatigue, wallMinute: wallMinute)
            }
            let clicks = top * ctr * rng.jitter(0.15)
            let conversions = clicks * profile.conversionRate * stream.segment.cvrFactor * rng.jitter(0.2)
            emitCount(top, slot: slot, prefix: prefixes[0], head: head, into: &out)
            let clicked = emitCount(clicks, slot: slot + 1, prefix: prefixes[1], head: head, into: &out)
            emitConversions(conversions, aov: aov, stream: index, wallMinute: wallMinute, model: model, slot: slot + 2, prefix: prefixes[2], head: head, into: &out)
            if profile.funnel == .paid {
                var bid = cost
                if let spike = channel.spike, spike.contains(minuteOfDay: wallMinute) {
                    bid *= ScriptedIncidents.cpaSpikeCostFactor
                }
                emitSpend(Double(clicked) * bid, slot: slot + 3, prefix: prefixes[3], head: head, into: &out)
            }
        case .owned:
            let clicks = top * profile.clickRate * stream.segment.ctrFactor * channel.ctrFactor * rng.jitter(0.15)
            let conversions = clicks * profile.conversionRate * stream.segment.cvrFactor * rng.jitter(0.2)
            let sent = emitCount(top, slot: slot, prefix: prefixes[0], head: head, into: &out)
            emitCount(clicks, slot: slot + 1, prefix: prefixes[1], head: head, into: &out)
            emitConversions(conversions, aov: aov, stream: index, wallMinute: wallMinute, model: model, slot: slot + 2, prefix: prefixes[2], head: head, into: &out)
            emitSpend(Double(sent) * cost, slot: slot + 3, prefix: prefixes[3], head: head, into: &out)
        case .community:
            let participants = top * profile.participationRate * channel.engagement * rng.jitter(0.15)
            let clicks = top * profile.clickRate * stream.segment.ctrFactor * channel.engagement * rng.jitter(0.15)
            let conversions = clicks * profile.conversionRate * stream.segment.cvrFactor * rng.jitter(0.2)
            emitCount(top, slot: slot, prefix: prefixes[0], head: head, into: &out)
            let joined = emitCount(participants, slot: slot + 1, prefix: prefixes[1], head: head, into: &out)
            emitCount(clicks, slot: slot + 2, prefix: prefixes[2], head: head, into: &out)
            emitConversions(conversions, aov: aov, stream: index, wallMinute: wallMinute, model: model, slot: slot + 3, prefix: prefixes[3], head: head, into: &out)
            emitSpend(Double(joined) * cost, slot: slot + 4, prefix: prefixes[4], head: head, into: &out)
        case .offline:
            let conversions = top * profile.conversionRate * stream.segment.cvrFactor * rng.jitter(0.2)
            let visitors = emitCount(top, slot: slot, prefix: prefixes[0], head: head, into: &out)
            emitConversions(conversions, aov: aov, stream: index, wallMinute: wallMinute, model: model, slot: slot + 1, prefix: prefixes[1], head: head, into: &out)
            emitSpend(Double(visitors) * cost, slot: slot + 2, prefix: prefixes[2], head: head, into: &out)
        }
    }

    /// CTR multiplier inside the fatigue window: it drifts from the top of
    /// `creativeFatigueCTRFactor` down to the bottom as the creative wears out.
    static func fatigueFactor(_ window: ScriptedIncidents.Window, wallMinute: Int) -> Double {
        let range = ScriptedIncidents.creativeFatigueCTRFactor
        let progress = Double(wallMinute - window.startMinute) / Double(max(window.endMinute - window.startMinute, 1))
        return range.upperBound - (range.upperBound - range.lowerBound) * progress
    }

    /// Whole units due in `slot` after adding `expected`; the rest waits for later minutes.
    private mutating func take(_ expected: Double, slot: Int) -> Int {
        let due = carries[slot] + expected
        let whole = Int(due)
        carries[slot] = due - Double(whole)
        return whole
    }

    /// Writes a count line when a whole unit is due; returns the count (0: no line).
    @discardableResult
    private mutating func emitCount(_ expected: Double, slot: Int, prefix: [UInt8], head: [UInt8],
                                    into out: inout [UInt8]) -> Int {
        let count = take(expected, slot: slot)
        guard count > 0 else { return 0 }
        out.append(contentsOf: head)
        out.append(contentsOf: prefix)
        out.append(contentsOf: LinePrefix.count)
        out.appendDecimal(count)
        out.append(contentsOf: LinePrefix.end)
        linesThisMinute += 1
        return count
    }

    /// Conversions with their revenue, one line per order with the customer
    /// who placed it (`user`), so CAC (spend / distinct converting customers)
    /// has data. The minute's revenue is drawn as before and shared out over
    /// its orders to the cent; customers are keyed by hashing, not drawn from
    /// the day's generator, so the rest of the stream is what it was.
    private mutating func emitConversions(_ expected: Double, aov: Double, stream: Int, wallMinute: Int,
                                          model: SimulationModel, slot: Int, prefix: [UInt8], head: [UInt8],
                                          into out: inout [UInt8]) {
        let count = take(expected, slot: slot)
        guard count > 0 else { return }
        let cents = Int64((Double(count) * aov * rng.jitter(0.15) * 100).rounded())
        let share = cents / Int64(count), extra = cents % Int64(count)
        let segment = model.streams[stream].segmentIndex
        for order in 0..<count {
            let customer = Self.customer(model: model, day: day, minute: wallMinute, stream: stream, order: order)
            out.append(contentsOf: head)
            out.append(contentsOf: prefix)
            out.append(contentsOf: LinePrefix.user)
            out.appendCustomerID(segment: segment, customer: customer)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: LinePrefix.count)
            out.appendDecimal(1)
            out.append(contentsOf: LinePrefix.amount)
            out.appendMoney(Money(micros: (share + (Int64(order) < extra ? 1 : 0)) * 10_000))
            out.append(contentsOf: LinePrefix.end)
            linesThisMinute += 1
        }
    }

    /// Customers each segment's orders come from: a pool this size, so over
    /// a campaign some customers buy again (distinct buyers < orders).
    static let customersPerSegment: UInt64 = 20_000

    /// The customer behind one order, from (seed, day, minute, stream, order) alone.
    static func customer(model: SimulationModel, day: Day, minute: Int, stream: Int, order: Int) -> Int {
        let key = UInt64(minute) << 32 | UInt64(stream) << 16 | UInt64(order & 0xFFFF)
        return Int(SplitMix64.hash(model.seed ^ 0x6375_7374, UInt64(bitPattern: Int64(day.ordinal)), key) % customersPerSegment)
    }

    /// Spend for what was actually bought (clicks, messages, participants), in
    /// cents with the remainder carried, so no line bills for nothing and the
    /// day's total is what was expected to the cent.
    private mutating func emitSpend(_ expected: Double, slot: Int, prefix: [UInt8], head: [UInt8],
                                    into out: inout [UInt8]) {
        let cents = take(expected * 100, slot: slot)
        guard cents > 0 else { return }
        out.append(contentsOf: head)
        out.append(contentsOf: prefix)
        out.append(contentsOf: LinePrefix.amount)
        out.appendMoney(Money(micros: Int64(cents) * 10_000))
        out.append(contentsOf: LinePrefix.end)
        linesThisMinute += 1
    }
}
