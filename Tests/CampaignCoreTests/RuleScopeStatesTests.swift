import Testing
@testable import CampaignCore

/// A rule's per-scope states in slots against a Dictionary as the second
/// implementation: the same state for every id after random writes, slots
/// that never move, and the snapshot's order by id.
@Suite struct RuleScopeStatesTests {
    @Test func keepsWhatADictionaryKeeps() {
        var random = SplitMix64(seed: 3)
        var table = RuleScopeStates()
        var reference: [Int32: AlertEngine.ScopeState] = [:]
        var firstSlot: [Int32: Int] = [:]
        for n in 0..<5_000 {
            let id = Int32(Int64(random.next() % 300) - 2) // the total is -2
            var state = AlertEngine.ScopeState()
            state.state = AlertState.allCases[n % AlertState.allCases.count]
            state.pendingSince = Int64(n)
            state.value = n % 3 == 0 ? nil : Double(n)
            if n % 2 == 0 {
                table[id] = state
            } else {
                let slot = table.slot(making: id)
                table.states[slot] = state
            }
            reference[id] = state
            let slot = table.slot(of: id)
            #expect(slot == (firstSlot[id] ?? slot), "a scope keeps its slot")
            firstSlot[id] = slot
        }
        #expect(table.count == reference.count)
        for id in Int32(-5)...Int32(305) {
            #expect(table[id]?.pendingSince == reference[id]?.pendingSince)
            #expect(table[id]?.state == reference[id]?.state)
            #expect(table[id]?.value == reference[id]?.value)
        }
        #expect(table.sortedByID.map(\.id) == reference.keys.sorted())
    }
}
