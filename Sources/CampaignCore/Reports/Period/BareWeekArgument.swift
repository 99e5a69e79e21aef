/// `report --week` takes an optional value, which ArgumentParser options
/// cannot: a bare `--week` is given the value `last` before parsing.
/// The next argument is the week when it starts with a digit and names no
/// file (no `.` or `/`), so `--week 2026W10` is still judged (and refused)
/// as a week, while `--week events.jsonl` and `--week -` leave the file alone.
public enum BareWeekArgument {
    public static func filled(_ arguments: [String]) -> [String] {
        guard arguments.first == "report" else { return arguments }
        var out: [String] = []
        for (index, argument) in arguments.enumerated() {
            out.append(argument)
            if argument == "--" {
                out += arguments[(index + 1)...]
                break
            }
            guard argument == "--week" else { continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if let next, next == "last" || (next.first?.isNumber == true && !next.contains(".") && !next.contains("/")) { continue }
            out.append("last")
        }
        return out
    }
}
