extension EventLineParser {
    /// Converts the located fields of a syntactically valid object into a record.
    ///
    /// Fields are checked in a fixed order (ts, type, channel, segment, campaign,
    /// user, count, amount), so a line with several problems always reports the same
    /// one; names are interned only once the whole line is known to be good, so a
    /// rejected line leaves no symbol behind.
    @inline(__always)
    mutating func record(_ p: UnsafePointer<UInt8>, _ spans: InlineArray<8, ValueSpan>) -> EventLineOutcome {
        let ts = spans[EventField.ts.rawValue]
        let typeSpan = spans[EventField.type.rawValue]
        guard ts.present else { return .rejected(.missingField(.ts)) }
        guard typeSpan.present else { return .rejected(.missingField(.type)) }

        let parsedTime: Result<Int64, TimestampProblem>
        switch ts.kind {
        case .string where !ts.escaped: parsedTime = recentTimestamp.parse(Self.raw(p, ts))
        case .string: parsedTime = Self.withText(p, ts) { EventTimestamp.parse($0) }
        case .number: parsedTime = EventTimestamp.epochMilliseconds(Self.raw(p, ts))
        default: return .rejected(.wrongType(.ts, found: ts.kind))
        }
        let timestamp: Int64
        switch parsedTime {
        case .success(let value): timestamp = value
        case .failure(let problem): return .rejected(.badTimestamp(problem))
        }

        guard typeSpan.kind == .string else { return .rejected(.wrongType(.type, found: typeSpan.kind)) }
        guard let type = Self.withText(p, typeSpan, { EventType.matching($0) }) else {
            return .skipped(typeName: Self.withText(p, typeSpan) { String(decoding: $0, as: UTF8.self) })
        }

        for field in [EventField.channel, .segment, .campaign, .user] {
            let span = spans[field.rawValue]
            if span.present && span.kind != .string && span.kind != .null {
                return .rejected(.wrongType(field, found: span.kind))
            }
        }

        var count: Int64 = 1
        let countSpan = spans[EventField.count.rawValue]
        if countSpan.present && countSpan.kind != .null {
            guard countSpan.kind == .number else { return .rejected(.wrongType(.count, found: countSpan.kind)) }
            let (negative, outcome) = ScaledDecimal.convert(
                Self.raw(p, countSpan), scale: 0, limit: UInt64(Self.maximumCount), rounding: false)
            if negative { return .rejected(.negativeNumber(.count)) }
            switch outcome {
            case .value(let value): count = Int64(value)
            case .fraction: return .rejected(.nonIntegerCount)
            case .tooLarge: return .rejected(.outOfRange(.count))
            }
        }

        var amount = Money.zero
        var hasAmount = false
        let amountSpan = spans[EventField.amount.rawValue]
        if amountSpan.present && amountSpan.kind != .null {
            guard amountSpan.kind == .number else { return .rejected(.wrongType(.amount, found: amountSpan.kind)) }
            let (negative, outcome) = ScaledDecimal.convert(
                Self.raw(p, amountSpan), scale: Money.decimalPlaces, limit: UInt128(Money.limit.nanos), rounding: true)
            if negative { return .rejected(.negativeNumber(.amount)) }
            switch outcome {
            case .value(let nanos): amount = Money(nanos: Int128(nanos))
            case .fraction, .tooLarge: return .rejected(.outOfRange(.amount))
            }
            hasAmount = true
        }

        var user = EventRecord.noUser
        let userSpan = spans[EventField.user.rawValue]
        if userSpan.present && userSpan.kind == .string && userSpan.end > userSpan.start {
            user = Self.withText(p, userSpan) { ByteHash.user($0) }
        }
        if type == .communityActive && user == EventRecord.noUser { return .rejected(.missingUser) }

        // The stream-order bounds (`EventLimits`), last: a line with another problem reports that one.
        if latestAccepted != .min && timestamp > latestAccepted && timestamp - latestAccepted > limits.maxTimeJump {
            if latestAtFirstTimeJump == .max { latestAtFirstTimeJump = latestAccepted }
            return .rejected(.timeJump(after: timestamp - latestAccepted, limit: limits.maxTimeJump))
        }
        let limit = limits.maxScopes
        if symbols.channels.count >= limit || symbols.segments.count >= limit || symbols.campaigns.count >= limit,
           let full = Self.fullScope(p, spans, symbols, limit) {
            return .rejected(.tooManyScopes(full, limit: limit))
        }
        latestAccepted = max(latestAccepted, timestamp)

        return .event(
            EventRecord(
                timestamp: timestamp, type: type,
                channel: Self.intern(p, spans[EventField.channel.rawValue], into: &symbols.channels),
                segment: Self.intern(p, spans[EventField.segment.rawValue], into: &symbols.segments),
                campaign: Self.intern(p, spans[EventField.campaign.rawValue], into: &symbols.campaigns),
                user: user, count: count, amount: amount, hasAmount: hasAmount))
    }

    /// The first scope dimension whose table is full and does not know this
    /// line's name (checked before any name is interned, so a refused line
    /// leaves no symbol behind). Called only once some table is full: on the
    /// hot path the bound costs three comparisons (and no copy of the spans).
    @inline(never)
    private static func fullScope(_ p: UnsafePointer<UInt8>, _ spans: InlineArray<8, ValueSpan>, _ symbols: EventSymbols,
                                  _ limit: Int) -> EventField? {
        if symbols.channels.count >= limit && !Self.known(p, spans[EventField.channel.rawValue], in: symbols.channels) {
            return .channel
        }
        if symbols.segments.count >= limit && !Self.known(p, spans[EventField.segment.rawValue], in: symbols.segments) {
            return .segment
        }
        if symbols.campaigns.count >= limit && !Self.known(p, spans[EventField.campaign.rawValue], in: symbols.campaigns) {
            return .campaign
        }
        return nil
    }

    /// Whether a name field needs no new symbol: no name, or one already interned.
    private static func known(_ p: UnsafePointer<UInt8>, _ span: ValueSpan, in table: SymbolTable) -> Bool {
        guard span.present && span.kind == .string && span.end > span.start else { return true }
        return withText(p, span) { table.contains($0) }
    }

    /// The id of a name field; absent, null and "" all mean "no name".
    @inline(__always)
    private static func intern(_ p: UnsafePointer<UInt8>, _ span: ValueSpan, into table: inout SymbolTable) -> Int32 {
        guard span.present && span.kind == .string && span.end > span.start else { return EventRecord.noSymbol }
        if !span.escaped { return table.intern(raw(p, span)) }
        return JSONStringDecoder.withDecoded(raw(p, span)) { table.intern($0) }
    }

    @inline(__always)
    private static func raw(_ p: UnsafePointer<UInt8>, _ span: ValueSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: p + span.start, count: span.end - span.start)
    }

    /// Calls `body` with a string value's text, decoded if it has escapes.
    @inline(__always)
    private static func withText<R>(
        _ p: UnsafePointer<UInt8>, _ span: ValueSpan, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        span.escaped ? JSONStringDecoder.withDecoded(raw(p, span), body) : body(raw(p, span))
    }
}
