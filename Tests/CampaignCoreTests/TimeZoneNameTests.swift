import CampaignCore
import Testing

/// Issue 11 #8: `timezone: CST` was taken as US Central (and `GMT+8` as an
/// offset), so a Chinese team got days 14 hours off. Only IANA names are
/// accepted; an abbreviation or offset is refused with the name meant.
struct TimeZoneNameTests {
    @Test(arguments: ["Asia/Shanghai", "UTC", "Europe/Berlin", "America/Chicago", "Etc/UTC"])
    func ianaNamesAreAccepted(name: String) {
        #expect(TimeZoneName.judge(name) == .accepted)
    }

    @Test func chinaStandardTimeIsAskedAbout() {
        #expect(TimeZoneName.judge("CST") == .rejected(
            "ambiguous zone abbreviation 'CST', did you mean Asia/Shanghai? (or America/Chicago for US Central; plans take IANA zone names)"))
    }

    @Test(arguments: [("GMT+8", "Asia/Shanghai"), ("UTC+08:00", "Asia/Shanghai"), ("+0800", "Asia/Shanghai"),
                      ("gmt+9", "Asia/Tokyo"), ("UTC-5", "America/New_York"), ("GMT+13", "Etc/GMT-13")])
    func offsetsAreAskedAbout(name: String, meant: String) {
        #expect(TimeZoneName.judge(name) == .rejected(
            "ambiguous zone abbreviation '\(name)', did you mean \(meant)? (an offset does not follow daylight saving; plans take IANA zone names)"))
    }

    /// Names Foundation takes (some are even in tzdata as legacy aliases) but
    /// that are abbreviations to a reader.
    @Test(arguments: [("EST", "America/New_York"), ("PRC", "Asia/Shanghai"), ("JST", "Asia/Tokyo"), ("GMT", "UTC")])
    func abbreviationsAreAskedAbout(name: String, meant: String) {
        guard case .rejected(let message) = TimeZoneName.judge(name) else {
            Issue.record("\(name) was accepted")
            return
        }
        #expect(message.hasPrefix("ambiguous zone abbreviation '\(name)', did you mean \(meant)?"))
    }

    /// `Etc/GMT-8` is an IANA name, so it is accepted, with a warning: it means
    /// UTC+8, the sign reversed, exactly the confusion `GMT+8` invites.
    @Test func etcNamesAreAcceptedWithAWarningAboutTheirSign() {
        #expect(TimeZoneName.judge("Etc/GMT-8") == .acceptedWithWarning(
            "'Etc/GMT-8' means UTC+8 (IANA's Etc/GMT names have the sign reversed); a place name like Asia/Shanghai also follows its daylight saving"))
        #expect(TimeZoneName.judge("Etc/GMT+5") == .acceptedWithWarning(
            "'Etc/GMT+5' means UTC-5 (IANA's Etc/GMT names have the sign reversed); a place name like America/New_York also follows its daylight saving"))
    }

    @Test func misspeltNamesGetADidYouMean() {
        #expect(TimeZoneName.judge("Asia/Shanghia") == .rejected("unknown time zone 'Asia/Shanghia' (did you mean 'Asia/Shanghai'?)"))
    }
}
