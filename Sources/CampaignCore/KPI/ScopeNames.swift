/// Display keys for scope values: symbol ids from the stream back to the
/// names people wrote. Events may name a segment by id or by name;
/// both fold onto one scope so "vip" and "高价值老客" are one row.
public struct ScopeNames: Sendable {
    public private(set) var symbols: EventSymbols
    private let segmentIDsByName: [String: String]
    /// Segment symbol id → the id standing for its plan segment (-1 = not yet resolved).
    private var canonicalSegment: [Int32] = []
    private var segmentIDByKey: [String: Int32] = [:]

    public init(context: KPIContext) {
        self.symbols = EventSymbols()
        self.segmentIDsByName = context.segmentIDsByName
    }

    /// Takes the reader's latest symbol tables (they only ever grow).
    public mutating func update(_ symbols: EventSymbols) { self.symbols = symbols }

    /// The store's leaf for an event.
    @inline(__always)
    public mutating func leaf(of record: EventRecord) -> LeafKey {
        LeafKey(channel: record.channel, segment: canonical(segment: record.segment), campaign: record.campaign)
    }

    @inline(__always)
    mutating func canonical(segment id: Int32) -> Int32 {
        guard id >= 0 else { return id }
        if Int(id) < canonicalSegment.count, canonicalSegment[Int(id)] >= 0 { return canonicalSegment[Int(id)] }
        while canonicalSegment.count <= Int(id) { canonicalSegment.append(-1) }
        let key = segmentKey(id)
        let canonical = segmentIDByKey[key] ?? id
        segmentIDByKey[key] = canonical
        canonicalSegment[Int(id)] = canonical
        return canonical
    }

    private func segmentKey(_ id: Int32) -> String {
        guard let name = symbols.segments.name(id) else { return "(none)" }
        return segmentIDsByName[name] ?? name
    }

    public func name(_ dimension: KPIDimension, _ id: Int32) -> String {
        switch dimension {
        case .total: return "total"
        case .channel: return symbols.channels.name(id) ?? "(none)"
        case .campaign: return symbols.campaigns.name(id) ?? "(none)"
        case .segment: return segmentKey(id)
        }
    }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension ScopeNames {
    /// Which segment id stands for which plan segment, as first resolved; the
    /// symbol tables are not kept: the reader of a snapshot passes the stored
    /// ones (`update`), of which the snapshot's are a prefix.
    func write(_ out: inout SnapshotWriter) {
        out.int(canonicalSegment.count)
        for id in canonicalSegment { out.i32(id) }
        out.int(segmentIDByKey.count)
        for (key, id) in segmentIDByKey.sorted(by: { $0.key < $1.key }) {
            out.string(key)
            out.i32(id)
        }
    }

    init(_ input: inout SnapshotReader, context: KPIContext) throws {
        self.init(context: context)
        canonicalSegment = try (0..<input.count(minimumSize: 4)).map { _ in try input.i32() }
        for _ in 0..<(try input.count(minimumSize: 12)) {
            let key = try input.string()
            segmentIDByKey[key] = try input.i32()
        }
    }
}
