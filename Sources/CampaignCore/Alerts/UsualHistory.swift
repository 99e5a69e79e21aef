/// The window values one baseline rule judged, per scope, minute by minute,
/// kept for as long as its usual points reach back (14 days, 6 weeks…):
/// the past it compares each new value with.
///
/// Each scope keeps one slot per minute of that span and one day more, so
/// the dashboard can draw the last 24 hours against their own usual (4 bytes
/// a slot: a Float is ample for a value compared in relative terms). A scope
/// costs 86 KB for 14 days and 248 KB for 6 weeks. Why per minute: SPEC §13 has a
/// baseline rule score its own window as judged each minute, and the usual
/// points are that same window exactly k days (or weeks) earlier.
/// A minute with no value (no data, below min_volume, or not judged) holds
/// NaN and is skipped, never counted as zero; sums count a quiet window as 0
/// because the window's value is 0, not because a gap is filled.
struct UsualHistory: Sendable {
    fileprivate struct Scope: Sendable {
        var values: [Float]
        /// The first and latest minutes recorded.
        var first: Int64
        var latest: Int64
    }

    let baseline: UsualBaseline
    /// Minutes kept per scope: every point the rule may look back to, from
    /// any minute of the last day.
    let span: Int64
    private var scopes: [Int32: Scope] = [:]

    init(_ baseline: UsualBaseline) {
        self.baseline = baseline
        span = Int64(baseline.periods) * baseline.periodMinutes + 1_440
    }

    private func slot(_ minute: Int64) -> Int { Self.slot(minute, span: span) }

    /// Static so that `record` can pass it on without capturing `self`: a
    /// closure holding a copy of `self` held the scopes' storage twice, and the
    /// write through the dictionary then copied every scope's array (86 KB for
    /// 14 daily periods) each judged minute: a quarter of `kpi --by channel`.
    fileprivate static func slot(_ minute: Int64, span: Int64) -> Int { Int(((minute % span) + span) % span) }

    /// The usual points for `minute`: the recorded values exactly 1…periods
    /// days (or weeks) before it that had a value.
    func points(scope: Int32, before minute: Int64) -> [Double] {
        guard let kept = scopes[scope] else { return [] }
        var points: [Double] = []
        points.reserveCapacity(baseline.periods)
        for k in 1...Int64(baseline.periods) {
            let past = minute - k * baseline.periodMinutes
            guard past >= kept.first, past <= kept.latest, kept.latest - past < span else { continue }
            let value = kept.values[slot(past)]
            if !value.isNaN { points.append(Double(value)) }
        }
        return points
    }

    /// What `UsualRange(points(scope:before:), minimumPoints:)` gives, then
    /// `record(scope:minute:value:)`: the engine's step for each scope each
    /// minute, with one lookup of the scope and the points in a buffer on the
    /// stack instead of a new array (both were a measured share of `kpi`).
    mutating func usualThenRecord(scope: Int32, minute: Int64, value: Double?, minimumPoints: Int) -> UsualRange? {
        guard let at = scopes.index(forKey: scope) else {
            record(scope: scope, minute: minute, value: value)
            return UsualRange([], minimumPoints: minimumPoints)
        }
        let periods = baseline.periods, periodMinutes = baseline.periodMinutes, span = span
        let usual = withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, periods)) { buffer in
            let (first, latest) = (scopes.values[at].first, scopes.values[at].latest)
            var count = 0
            // The slot of `minute - k * periodMinutes`, stepped back one
            // period at a time: the same slot as `slot(past)`, without two
            // divisions per point.
            let back = Int(periodMinutes % span)
            var slot = Self.slot(minute, span: span)
            scopes.values[at].values.withUnsafeBufferPointer { values in
                for k in 1...Int64(periods) {
                    slot -= back
                    if slot < 0 { slot += Int(span) }
                    let past = minute - k * periodMinutes
                    guard past >= first, past <= latest, latest - past < span else { continue }
                    let value = values[slot]
                    if !value.isNaN {
                        buffer[count] = Double(value)
                        count += 1
                    }
                }
            }
            return UsualRange(points: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]), minimumPoints: minimumPoints)
        }
        scopes.values[at].advance(to: minute, storing: value.map(Float.init) ?? .nan, span: span)
        return usual
    }

    /// Records the value judged at `minute` (nil: no value). Minutes skipped
    /// since the last record are cleared, so a stale slot is never read as
    /// a recent point. Minutes arrive in order; an earlier one is ignored.
    mutating func record(scope: Int32, minute: Int64, value: Double?) {
        let stored = value.map(Float.init) ?? .nan
        guard let at = scopes.index(forKey: scope) else {
            var values = [Float](repeating: .nan, count: Int(span))
            values[slot(minute)] = stored
            scopes[scope] = Scope(values: values, first: minute, latest: minute)
            return
        }
        // Written in place through the dictionary: this runs for every scope
        // every minute (for `kpi`, it is all the engine does), so no copy of
        // the array, no remove-and-insert, and one lookup, not two.
        scopes.values[at].advance(to: minute, storing: stored, span: span)
    }
}

extension UsualHistory.Scope {
    /// Minutes skipped since the latest record are cleared, so a stale slot is
    /// never read as a recent point; an earlier minute is ignored.
    mutating func advance(to minute: Int64, storing stored: Float, span: Int64) {
        func slot(_ minute: Int64) -> Int { UsualHistory.slot(minute, span: span) }
        guard minute > latest else { return }
        var skipped = latest + 1
        while skipped < minute && minute - skipped < span {
            values[slot(skipped)] = .nan
            skipped += 1
        }
        if minute - latest > span { first = minute }
        values[slot(minute)] = stored
        latest = minute
    }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension UsualHistory {
    /// The rule's baseline is not written: the reader passes it from the same
    /// plan (the snapshot's fingerprint says so), and the span must agree.
    func write(_ out: inout SnapshotWriter) {
        out.i64(span)
        out.int(scopes.count)
        for (id, scope) in scopes.sorted(by: { $0.key < $1.key }) {
            out.i32(id)
            out.i64(scope.first)
            out.i64(scope.latest)
            out.floats(scope.values)
        }
    }

    init(_ input: inout SnapshotReader, baseline: UsualBaseline) throws {
        self.init(baseline)
        guard try input.i64() == span else { throw SnapshotReader.Malformed() }
        for _ in 0..<(try input.count(minimumSize: 28)) {
            let id = try input.i32(), first = try input.i64(), latest = try input.i64()
            let values = try input.floats()
            guard values.count == Int(span), first <= latest else { throw SnapshotReader.Malformed() }
            scopes[id] = Scope(values: values, first: first, latest: latest)
        }
    }
}
