/// A batch's scope names behind one reference, for the closure the monitor
/// hands to the engine (called only when a scope is new to a judging order).
///
/// Why not `names.name` itself: that closure holds a copy of `ScopeNames`,
/// and the optimiser passes what it holds by value down `CampaignMonitor.add`
/// and `AlertEngine.judge`, copying and dropping every table in it (a dozen
/// retains and releases) at each closed minute — 6 % of `kpi --by channel`'s
/// CPU on the simulator's 2 M events once the judging itself was cut. One
/// object is one retain.
final class ScopeNameLookup: Sendable {
    let names: ScopeNames

    init(_ names: ScopeNames) { self.names = names }

    func name(_ dimension: KPIDimension, _ id: Int32) -> String { names.name(dimension, id) }
}
