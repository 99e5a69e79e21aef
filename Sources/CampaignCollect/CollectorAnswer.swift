import CampaignCore
import CampaignStore
import CampaignText
import FlyingFox
import Foundation

/// The collector's HTTP answers. Their JSON is a contract with producers, so
/// field names and texts are English whatever language the process speaks.
enum CollectorAnswer {
    /// `{"accepted": N, "rejected": M, "skipped": K, "rejects": [{line, reason, excerpt}]}`;
    /// `rejects` holds the batch's first `IngestStats.sampleLimit` rejected lines,
    /// like `kpi`'s samples (`skipped`: lines of a type this version does not know).
    static func batch(_ outcome: BatchOutcome) -> String {
        let rejects = outcome.samples.map { sample -> CampaignCore.JSONValue in
            let reason = Language.$override.withValue(.english) { sample.reason.message }
            return .object([("line", .int(sample.line)), ("reason", .string(reason)), ("excerpt", .string(sample.excerpt))])
        }
        return CampaignCore.JSONValue.object([("accepted", .int(outcome.accepted)), ("rejected", .int(outcome.rejected)),
                                 ("skipped", .int(outcome.skipped)), ("rejects", .array(rejects))]).serialized()
    }

    static func json(_ status: HTTPStatusCode, _ text: String, headers: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var all = HTTPHeaders()
        for (name, value) in headers { all[name] = value }
        all[.contentType] = "application/json"
        return HTTPResponse(statusCode: status, headers: all, body: Data((text + "\n").utf8))
    }

    static func error(_ status: HTTPStatusCode, _ reason: String, headers: [HTTPHeader: String] = [:]) -> HTTPResponse {
        json(status, CampaignCore.JSONValue.object([("error", .string(reason))]).serialized(), headers: headers)
    }
}
