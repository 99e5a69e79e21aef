/// What a store heard of other processes' anomaly changes since it last asked.
public enum AnomalyNews: Sendable, Equatable {
    case none
    /// These anomalies (ids, ascending) were changed, as announced at each commit.
    case changed([Int64])
    /// The connection was lost and made again: what was announced meanwhile
    /// never arrived; catch up on what was stamped since the last reading.
    case missed
}

extension AnomalyNews {
    /// News heard now added to news not read yet (a reading that failed):
    /// nothing is dropped, and a miss stays a miss until read.
    public func adding(_ later: AnomalyNews) -> AnomalyNews {
        switch (self, later) {
        case (.none, _): later
        case (_, .none): self
        case (.missed, _), (_, .missed): .missed
        case (.changed(let earlier), .changed(let added)): .changed(Set(earlier).union(added).sorted())
        }
    }
}
