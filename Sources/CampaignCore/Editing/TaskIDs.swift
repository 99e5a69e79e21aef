/// Ids for tasks a person named but did not give an id (`a`, then `素材二审`).
///
/// Why not pinyin: a romanisation table is large, guesses wrong on
/// polyphones (重 is zhong or chong) and yields ids nobody typed. What the
/// name holds in Latin letters and digits (`KOL 二次种草` → `kol`, `618 预热`
/// → `618`) is kept, as people do type those; a name with none gets
/// `task-N`, N one past the highest such number in the plan, so a new task's
/// number is never an old one's. Ids stay what validation allows (ASCII
/// letters, digits, `-`, `_`) and unique: a taken one gets `-2`, `-3` ….
public enum TaskIDs {
    /// Ids derived from Latin words keep at most this many characters (at a
    /// word boundary when one is near), so a long English name does not
    /// become an id as long as itself.
    public static let maximumDerivedLength = 24

    /// A valid id for a task named `name`, unused among `existing`.
    public static func derive(fromName name: String, existing: Set<String>) -> String {
        let base = latinWords(of: name) ?? "task-\(nextNumber(existing))"
        return unique(base, existing)
    }

    /// The name's runs of ASCII letters and digits, lowercased, joined by `-`;
    /// nil when there are none.
    static func latinWords(of name: String) -> String? {
        var words: [String] = []
        var word = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word.lowercased())
                word = ""
            }
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        guard !words.isEmpty else { return nil }
        var id = ""
        for word in words {
            let next = id.isEmpty ? word : id + "-" + word
            if next.count > maximumDerivedLength {
                // The first word alone may be longer than the limit: cut it.
                if id.isEmpty { id = String(word.prefix(maximumDerivedLength)) }
                break
            }
            id = next
        }
        return id
    }

    /// One past the highest N of the plan's `task-N` ids (1 when there is
    /// none). A number too large for `Int` is not one we made: it is skipped.
    static func nextNumber(_ existing: Set<String>) -> Int {
        let numbers = existing.compactMap { id -> Int? in
            guard id.hasPrefix("task-") else { return nil }
            let digits = id.dropFirst("task-".count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digits)
        }
        guard let highest = numbers.max(), highest < Int.max else { return 1 }
        return highest + 1
    }

    /// `base`, or `base-2`, `base-3` … (the first not in `existing`).
    static func unique(_ base: String, _ existing: Set<String>) -> String {
        guard existing.contains(base) else { return base }
        var number = 2
        while existing.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }
}
