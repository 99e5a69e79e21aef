/// Parses one line of a behaviour file (`--behaviour`): the event stream's
/// JSON Lines (SPEC §3), of which only `browse` and `add_to_cart` lines count.
/// A line of another type is ignored and counted (so the event stream itself
/// can be read as a behaviour file); a line the event stream would reject is
/// rejected here with the same reason, and a behaviour line also needs a `user`
/// (the customer id).
///
/// Built on the event parser's passes (`EventObjectPass`: UTF-8 check and
/// the JSON object; `EventTimestamp`), so both read the same lines the same way; user ids
/// are interned as bytes (`SymbolTable`), so a repeated user allocates nothing.
struct BehaviourLineParser {
    /// Every user met on an accepted line, in order of first sight.
    var users = SymbolTable()
    let maximumLineLength: Int

    init(maximumLineLength: Int = EventLineParser.defaultMaximumLineLength) {
        self.maximumLineLength = maximumLineLength
    }

    enum Outcome: Equatable {
        case behaviour(BehaviourEvent)
        /// Good JSON with a `ts`, of a type that is not behaviour.
        case ignored
        case rejected(EventRejection)
    }

    mutating func parse(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        var spans = InlineArray<8, ValueSpan>(repeating: .absent)
        if let rejection = EventObjectPass.scan(line, maximumLineLength: maximumLineLength, into: &spans) {
            return .rejected(rejection)
        }
        return event(line.baseAddress!, spans)
    }

    /// Fields in the event parser's order (ts, type, user, count), so a line
    /// with several problems reports the one `ingest` would.
    private mutating func event(_ p: UnsafePointer<UInt8>, _ spans: InlineArray<8, ValueSpan>) -> Outcome {
        let ts = spans[EventField.ts.rawValue], typeSpan = spans[EventField.type.rawValue]
        guard ts.present else { return .rejected(.missingField(.ts)) }
        guard typeSpan.present else { return .rejected(.missingField(.type)) }
        let day: Int32
        switch ts.kind {
        case .string:
            switch Self.withText(p, ts, { Self.dayAsWritten($0) }) {
            case .success(let value): day = value
            case .failure(let problem): return .rejected(.badTimestamp(problem))
            }
        case .number:
            switch EventTimestamp.epochMilliseconds(Self.raw(p, ts)) {
            // Epoch milliseconds carry no offset: their day is the UTC day.
            case .success(let milliseconds): day = Int32(Self.floorDivide(milliseconds, 86_400_000))
            case .failure(let problem): return .rejected(.badTimestamp(problem))
            }
        default: return .rejected(.wrongType(.ts, found: ts.kind))
        }
        guard typeSpan.kind == .string else { return .rejected(.wrongType(.type, found: typeSpan.kind)) }
        guard let kind = Self.withText(p, typeSpan, { BehaviourKind.matching($0) }) else { return .ignored }

        let userSpan = spans[EventField.user.rawValue]
        if userSpan.present && userSpan.kind != .string && userSpan.kind != .null {
            return .rejected(.wrongType(.user, found: userSpan.kind))
        }
        guard userSpan.present && userSpan.kind == .string && userSpan.end > userSpan.start else {
            return .rejected(.missingField(.user))
        }
        var count: Int64 = 1
        let countSpan = spans[EventField.count.rawValue]
        if countSpan.present && countSpan.kind != .null {
            guard countSpan.kind == .number else { return .rejected(.wrongType(.count, found: countSpan.kind)) }
            let (negative, outcome) = ScaledDecimal.convert(Self.raw(p, countSpan), scale: 0,
                                                            limit: UInt64(EventLineParser.maximumCount), rounding: false)
            if negative { return .rejected(.negativeNumber(.count)) }
            switch outcome {
            case .value(let value): count = Int64(value)
            case .fraction: return .rejected(.nonIntegerCount)
            case .tooLarge: return .rejected(.outOfRange(.count))
            }
        }
        let user = Self.withText(p, userSpan) { users.intern($0) }
        return .behaviour(BehaviourEvent(user: user, day: day, kind: kind, count: count))
    }

    /// The day of an RFC 3339 time as written, in its own offset: what
    /// `PurchaseDate` does for a purchase's timestamp, so a browse at 23:30 in
    /// Shanghai and a purchase at 23:30 in Shanghai fall on the same day.
    /// The whole time is checked first (`EventTimestamp`), so a line `ingest`
    /// rejects is rejected here too.
    static func dayAsWritten(_ text: UnsafeBufferPointer<UInt8>) -> Result<Int32, TimestampProblem> {
        switch EventTimestamp.parse(text) {
        case .failure(let problem): return .failure(problem)
        case .success:
            // A valid RFC 3339 time starts with `YYYY-MM-DD`.
            func number(_ start: Int, _ count: Int) -> Int {
                (start..<start + count).reduce(0) { $0 * 10 + Int(text[$1] - UInt8(ascii: "0")) }
            }
            return .success(Int32(Day.ordinal(year: number(0, 4), month: number(5, 2), day: number(8, 2))))
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return a % b < 0 ? quotient - 1 : quotient
    }

    @inline(__always)
    private static func raw(_ p: UnsafePointer<UInt8>, _ span: ValueSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: p + span.start, count: span.end - span.start)
    }

    @inline(__always)
    private static func withText<R>(_ p: UnsafePointer<UInt8>, _ span: ValueSpan,
                                    _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        span.escaped ? JSONStringDecoder.withDecoded(raw(p, span), body) : body(raw(p, span))
    }
}

/// One accepted behaviour line.
struct BehaviourEvent: Equatable {
    /// Index in the parser's `users`.
    var user: Int32
    /// `Day.ordinal` of the event.
    var day: Int32
    var kind: BehaviourKind
    /// How many events the line stands for (`count`, default 1).
    var count: Int64
}
