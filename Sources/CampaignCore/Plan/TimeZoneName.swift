import CampaignText
import Foundation

/// Judges the campaign's `timezone:`. Only IANA names (`Asia/Shanghai`, `UTC`)
/// are accepted.
///
/// Why: Foundation's `TimeZone(identifier:)` also takes abbreviations, and
/// they are ambiguous: `CST` becomes US Central, so a Chinese team writing
/// China Standard Time gets days 14 hours off without a word. Offsets like
/// `GMT+8` hide daylight saving and mean the opposite sign in IANA's own
/// `Etc/GMT+8`. So an abbreviation or offset is refused with the IANA name
/// most likely meant.
public enum TimeZoneName {
    public enum Verdict: Equatable, Sendable {
        case accepted
        /// Valid, but worth a second look (the message says why).
        case acceptedWithWarning(String)
        case rejected(String)
    }

    public static func judge(_ name: String) -> Verdict {
        if name == "UTC" { return .accepted }
        // IANA zone names are Area/Location; the slash-less names tzdata also
        // lists (CET, EST, PRC, Japan, GMT+0 …) are legacy aliases and abbreviations.
        // (Linux's list leaves out the Etc/ zones that TimeZone still knows.)
        if name.contains("/"), TimeZone.knownTimeZoneIdentifiers.contains(name) || TimeZone(identifier: name) != nil {
            if let hours = etcOffsetHours(name), hours != 0 {
                let sign = hours > 0 ? "+" : "-"
                let suggestion = cityForOffset[hours].map { Phrase.checkZoneCityHint.text($0) } ?? ""
                return .acceptedWithWarning(Phrase.checkZoneEtcSign.text(name, sign, abs(hours), suggestion, "UTC", "IANA", "Etc/GMT"))
            }
            return .accepted
        }
        let key = name.uppercased()
        if let meant = abbreviations[key] {
            let other = alternative(key).map { Phrase.checkZoneAlternative.text($0) } ?? ""
            return .rejected(Phrase.checkZoneAbbreviation.text(name, meant, other, "IANA"))
        }
        if let hours = offsetHours(key) {
            let meant = cityForOffset[hours] ?? "Etc/GMT\(hours > 0 ? "-" : "+")\(abs(hours))"
            return .rejected(Phrase.checkZoneOffset.text(name, meant, "IANA"))
        }
        if TimeZone(identifier: name) != nil || TimeZone(abbreviation: name) != nil {
            return .rejected(Phrase.checkZoneAmbiguous.text(name, "IANA", "Asia/Shanghai", "Europe/Berlin"))
        }
        let hint = Suggestion.hint(for: name, among: TimeZone.knownTimeZoneIdentifiers.filter { $0.contains("/") })
        return .rejected(Phrase.checkZoneUnknown.text(name, hint.isEmpty ? Phrase.checkZoneUseIANA.text("IANA", "Asia/Shanghai", "Europe/Berlin") : hint))
    }

    /// The zone an abbreviation (or legacy alias) most likely means for this
    /// tool's users: CST is China Standard Time first, US Central second.
    static let abbreviations: [String: String] = [
        "CST": "Asia/Shanghai", "CCT": "Asia/Shanghai", "PRC": "Asia/Shanghai", "BJT": "Asia/Shanghai",
        "ROC": "Asia/Taipei", "HKT": "Asia/Hong_Kong", "HONGKONG": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
        "SINGAPORE": "Asia/Singapore", "JST": "Asia/Tokyo", "JAPAN": "Asia/Tokyo", "KST": "Asia/Seoul",
        "ROK": "Asia/Seoul", "IST": "Asia/Kolkata", "PHT": "Asia/Manila", "ICT": "Asia/Bangkok",
        "WIB": "Asia/Jakarta", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "NZST": "Pacific/Auckland",
        "EST": "America/New_York", "EDT": "America/New_York", "EST5EDT": "America/New_York",
        "CDT": "America/Chicago", "CST6CDT": "America/Chicago", "MST": "America/Denver", "MDT": "America/Denver",
        "MST7MDT": "America/Denver", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
        "PST8PDT": "America/Los_Angeles", "AKST": "America/Anchorage", "HST": "Pacific/Honolulu",
        "GMT": "UTC", "BST": "Europe/London", "GB": "Europe/London", "WET": "Europe/Lisbon",
        "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MET": "Europe/Berlin", "EET": "Europe/Athens",
        "EEST": "Europe/Athens", "MSK": "Europe/Moscow",
        "UCT": "UTC", "UNIVERSAL": "UTC", "ZULU": "UTC", "Z": "UTC", "GREENWICH": "UTC",
    ]

    /// Other zones the same abbreviation names, said alongside the first guess
    /// (in the language of the moment, hence a function, not a table).
    static func alternative(_ abbreviation: String) -> String? {
        switch abbreviation {
        case "CST": Phrase.checkZoneAltUSCentral.text("America/Chicago")
        case "IST": Phrase.checkZoneAltOr.text("Europe/Dublin", "Asia/Jerusalem")
        case "GMT": Phrase.checkZoneAltSummerTime.text("Europe/London")
        default: nil
        }
    }

    /// A representative IANA zone for a whole-hour offset from UTC.
    static let cityForOffset: [Int: String] = [
        0: "UTC", 1: "Europe/Berlin", 2: "Europe/Athens", 3: "Europe/Moscow", 4: "Asia/Dubai", 5: "Asia/Karachi",
        7: "Asia/Bangkok", 8: "Asia/Shanghai", 9: "Asia/Tokyo", 10: "Australia/Sydney", 12: "Pacific/Auckland",
        -3: "America/Sao_Paulo", -5: "America/New_York", -6: "America/Chicago", -7: "America/Denver",
        -8: "America/Los_Angeles", -10: "Pacific/Honolulu",
    ]

    /// `GMT+8`, `UTC+08`, `UTC+08:00`, `+0800`, `+8` → 8 (whole hours only; nil otherwise).
    static func offsetHours(_ text: String) -> Int? {
        var rest = Substring(text)
        for prefix in ["UTC", "GMT"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().filter { $0 != ":" }
        guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let hours = digits.count <= 2 ? Int(digits)! : Int(digits.dropLast(2))!
        let minutes = digits.count <= 2 ? 0 : Int(digits.suffix(2))!
        guard minutes == 0 else { return nil }
        return sign == "-" ? -hours : hours
    }

    /// `Etc/GMT-8` → 8: the hours ahead of UTC (IANA writes the sign reversed).
    static func etcOffsetHours(_ name: String) -> Int? {
        guard name.hasPrefix("Etc/GMT"), let hours = Int(name.dropFirst("Etc/GMT".count)) else { return nil }
        return -hours
    }
}
