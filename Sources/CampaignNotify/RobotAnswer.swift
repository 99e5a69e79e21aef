import CampaignCore
import Foundation

/// What a receiver answered, and whether that means the message arrived.
/// The robots answer HTTP 200 even when they refuse a message (a bad
/// signature, a rate limit); only their own success code counts.
public struct RobotAnswer: Sendable, Equatable {
    public var httpStatus: Int
    public var body: String
    public var delivered: Bool
    /// Why it was not delivered, in the receiver's words where it gave some.
    public var problem: String?

    public init(kind: NotifyChannel.Kind, httpStatus: Int, body: Data) {
        self.httpStatus = httpStatus
        self.body = String(decoding: body, as: UTF8.self)
        guard (200..<300).contains(httpStatus) else {
            delivered = false
            problem = "HTTP \(httpStatus)"
            return
        }
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        switch kind {
        case .webhook:
            delivered = true
            problem = nil
        case .wecom, .dingtalk:
            // `{"errcode": 0, "errmsg": "ok"}`
            let code = (object?["errcode"] as? NSNumber)?.intValue
            delivered = code == 0
            problem = delivered ? nil : Self.refusal(code: code, message: object?["errmsg"] as? String)
        case .feishu:
            // `{"code": 0, "msg": "success"}`; older bots answered `{"StatusCode": 0}`.
            let code = (object?["code"] as? NSNumber ?? object?["StatusCode"] as? NSNumber)?.intValue
            delivered = code == 0
            problem = delivered ? nil : Self.refusal(code: code, message: (object?["msg"] ?? object?["StatusMessage"]) as? String)
        }
    }

    private static func refusal(code: Int?, message: String?) -> String {
        guard let code else { return DeliveryProblemWords.noSuccessCode }
        return DeliveryProblemWords.refusal(code: code, message: message)
    }
}
