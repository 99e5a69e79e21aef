import CampaignCore
@testable import DeckUI
import Testing

/// Random override tables (a fixed seed, so a failure repeats): whatever the
/// user writes, the table that comes out never has two bindings of one place
/// sharing a key, every override is either applied exactly or reported, and
/// every refused binding keeps its built-in keys.
@Suite struct KeyOverridePropertyTests {
    /// xorshift64*: small and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return Int((state &* 2_685_821_657_736_338_717) >> 33) % bound
        }
    }

    static let keyPool: [Key] = [.tab, .backTab, .enter, .escape, .up, .down, .home, .function(1), .function(5), .control("n"),
                                 .control("r"), .control("c")] + "abcdeghjklnpqrstuxyzAGHLRSZ?/:<>[].1234%".map { Key.character($0) }

    @Test func noTwoBindingsOfOnePlaceEverShareAKey() {
        var random = Random(state: 0x9E37_79B9_7F4A_7C15)
        let builtIn = KeyRegistry.builtIn
        let ids = builtIn.bindings.map(\.id) + ["not_a_binding", "nxt_pane"]
        var applied = 0, refused = 0
        for round in 0..<400 {
            var overrides: [KeyOverride] = []
            var used: Set<String> = []
            for line in 1...(1 + random.next(8)) {
                let id = ids[random.next(ids.count)]
                guard used.insert(id).inserted else { continue }  // YAML refuses a key written twice
                let keys = (0..<random.next(4)).map { column in
                    KeyOverride.WrittenKey(Self.keyPool[random.next(Self.keyPool.count)],
                                           at: SourceLocation(line: line, column: 9 + 3 * column))
                }
                overrides.append(KeyOverride(id: id, at: SourceLocation(line: line, column: 3), keys: keys))
            }
            let (registry, problems) = builtIn.applying(overrides)
            // The same bindings in the same order; only keys change.
            #expect(registry.bindings.map(\.id) == builtIn.bindings.map(\.id))
            for (index, one) in registry.bindings.enumerated() {
                for other in registry.bindings[(index + 1)...] where one.scope.collides(with: other.scope) {
                    let shared = Set(one.keys).intersection(other.keys)
                    #expect(shared.isEmpty, "round \(round): \(one.id) and \(other.id) share \(shared.map(\.label))")
                }
            }
            // Each override is applied as written (duplicates dropped) or reported on its own line.
            let reportedLines = Set(problems.map(\.location.line))
            for override in overrides {
                let keys = registry.binding(id: override.id)?.keys
                var written: [Key] = []
                for key in override.keys.map(\.key) where !written.contains(key) { written.append(key) }
                let line = override.location.line
                let builtInKeys = builtIn.binding(id: override.id)?.keys
                if keys == written && !written.isEmpty {
                    applied += 1
                    // (Written as its built-in keys and refused looks the same: allowed.)
                    #expect(!reportedLines.contains(line) || written == builtInKeys, "round \(round): \(override.id) applied and reported")
                } else {
                    refused += 1
                    #expect(reportedLines.contains(line), "round \(round): \(override.id) neither applied nor reported")
                    if let keys { #expect(keys == builtInKeys, "round \(round): \(override.id) half applied") }
                }
            }
        }
        // Both outcomes were exercised, many times.
        #expect(applied > 300 && refused > 300, "applied \(applied), refused \(refused)")
    }
}
