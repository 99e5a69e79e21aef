@testable import CampaignNotify
import Testing

/// The expected signatures were computed with OpenSSL, not with this code:
///   printf '1700000000000\nSECtest' | openssl dgst -sha256 -hmac SECtest -binary | base64
///   printf '' | openssl dgst -sha256 -hmac "$(printf '1700000000\nSECtest')" -binary | base64
struct RobotSigningTests {
    @Test func dingTalkSignsTimestampNewlineSecretWithTheSecret() {
        #expect(RobotSigning.dingTalk(secret: "SECtest", timestampMilliseconds: 1_700_000_000_000)
            == "aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=")
    }

    @Test func feishuSignsNothingWithTimestampNewlineSecretAsTheKey() {
        #expect(RobotSigning.feishu(secret: "SECtest", timestampSeconds: 1_700_000_000)
            == "G7XpBpG8NgG02fJOAhX6FRAObIljmFoxVReo8I62pEk=")
    }

    /// `printf 'a\x1fb' | sha256sum` starts f04cdced9736a69d.
    @Test func fingerprintIsTheStartOfSHA256OfThePartsJoinedByUnitSeparators() {
        #expect(RobotSigning.fingerprint(["a", "b"]) == "f04cdced9736a69d")
    }
}
