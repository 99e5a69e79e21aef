import CampaignCore
@testable import CampaignNotify
import Foundation
import HTTPTestReceiver
import Testing

/// Sending over real HTTP to receivers on 127.0.0.1 started by the test.
struct RobotSenderTests {
    @Test func aSignedDingTalkMessageArrivesByteForByteAndTheSignatureVerifies() async throws {
        let receiver = TestReceiver(answers: [(.ok, #"{"errcode":0,"errmsg":"ok"}"#)])
        let base = try await receiver.start()
        let channel = NotifyFixtures.channel(.dingtalk, url: "\(base)/robot/send?access_token=T", secret: "SECtest")
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let request = try RobotRequests.make(for: channel, message: NotifyFixtures.message([NotifyFixtures.firing]),
                                             environment: [:], now: now)[0]
        let answer = try await RobotSender().sendOffThePool(request, kind: .dingtalk).get()
        await receiver.stop()
        #expect(answer.delivered)
        let received = await receiver.received
        #expect(received.count == 1)
        #expect(received.first?.path == "/robot/send")
        #expect(received.first?.query == ["access_token": "T", "timestamp": "1700000000000",
                                          "sign": "aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g="])
        #expect(received.first?.body == request.body)
        #expect(received.first?.contentType == "application/json; charset=utf-8")
    }

    @Test func aRefusalAndAServerErrorAreNotDelivered() async throws {
        let receiver = TestReceiver(answers: [(.ok, #"{"code":19021,"msg":"sign match fail"}"#), (.internalServerError, "")])
        let base = try await receiver.start()
        let channel = NotifyFixtures.channel(.feishu, url: "\(base)/open-apis/bot/v2/hook/X")
        let request = try RobotRequests.make(for: channel, message: NotifyFixtures.message([NotifyFixtures.firing]),
                                             environment: [:], now: Date())[0]
        let first = try await RobotSender().sendOffThePool(request, kind: .feishu).get()
        let second = try await RobotSender().sendOffThePool(request, kind: .feishu).get()
        await receiver.stop()
        #expect(!first.delivered && first.problem == "refused with code 19021: sign match fail")
        #expect(!second.delivered && second.problem == "HTTP 500")
    }

    @Test func nobodyListeningIsATransportErrorNotAnAnswer() throws {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        let request = RobotRequest(url: URL(string: "http://127.0.0.1:9/x")!, body: Data("{}".utf8))
        let result = RobotSender(timeoutSeconds: 5).send(request, kind: .webhook)
        #expect(throws: RobotSender.TransportError.self) { try result.get() }
    }
}
