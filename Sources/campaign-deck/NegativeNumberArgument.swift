/// ArgumentParser reads a token that starts with `-` as an option, so
/// `anomalies show -1` failed with "Missing expected argument '<id>'", which
/// sends the user looking for a missing id. We define no short options that
/// are digits, so a negative number on the command line is always a value out
/// of range; this rewords the parse error to say so, naming the argument.
/// (Options that take numbers use `parsing: .unconditional` and check their
/// own range, so `--speed -5` never gets here.)
enum NegativeNumberArgument {
    static func message(for parseMessage: String, arguments: [String]) -> String? {
        guard let negative = arguments.first(where: isNegativeNumber) else { return nil }
        let marker = "Missing expected argument '<"
        if let start = parseMessage.range(of: marker),
           let end = parseMessage[start.upperBound...].firstIndex(of: ">") {
            let name = parseMessage[start.upperBound..<end].uppercased()
            return "\(name) is out of range: it must be a positive number, got \(negative) (\(name))"
        }
        if parseMessage.contains("'\(negative)'") {
            return "\(negative) is out of range: negative numbers are not accepted here (\(negative))"
        }
        return nil
    }

    static func isNegativeNumber(_ token: String) -> Bool {
        guard token.count > 1, token.first == "-" else { return false }
        return Double(token) != nil
    }
}
