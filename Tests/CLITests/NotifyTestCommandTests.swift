import Foundation
import HTTPTestReceiver
import Testing

/// `campaign-deck notify test ID --plan P` against a real receiver on 127.0.0.1.
struct NotifyTestCommandTests {
    /// The demo plan with three channels appended; the webhook's address comes
    /// from ${HOOK_URL} and the DingTalk robot's secret from ${DING_SECRET}.
    private func plan(in folder: ScratchFolder, base: String) throws -> String {
        _ = try CLIRunner.run(["init", "p"], in: folder.path)
        let path = folder.path + "/p.yaml"
        let channels = """

            notify:
              - id: hooks
                kind: webhook
                url: ${HOOK_URL}
              - id: lead
                kind: dingtalk
                url: \(base)/robot/send?access_token=T
                secret: ${DING_SECRET}
              - id: ops
                kind: wecom
                url: \(base)/cgi-bin/webhook/send?key=K
                mention: ["13800001111"]

            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(channels.utf8))
        try handle.close()
        return path
    }

    /// Runs the binary on its own thread: the receiver needs Swift's cooperative pool.
    private func run(_ arguments: [String], environment: [String: String]) async throws -> CLIRunner.Run {
        try await withCheckedThrowingContinuation { continuation in
            let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            Thread { continuation.resume(with: Result { try CLIRunner.run(arguments, environment: merged) }) }.start()
        }
    }

    @Test func aWebhookThatAnswers200IsDeliveredAndItsAnswerPrinted() async throws {
        let receiver = TestReceiver(answers: [(.ok, #"{"received":true}"#)])
        let base = try await receiver.start()
        let folder = ScratchFolder()
        let path = try plan(in: folder, base: base)
        let result = try await run(["notify", "test", "hooks", "--plan", path], environment: ["HOOK_URL": base + "/alerts"])
        await receiver.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "hooks (webhook): delivered · HTTP 200 {\"received\":true}\n")
        let received = await receiver.received
        #expect(received.map(\.path) == ["/alerts"])
        let body = try JSONSerialization.jsonObject(with: received[0].body) as? [String: Any]
        #expect(body?["status"] as? String == "firing")
        #expect(body?["campaign"] as? String == "p", "init names the campaign after the file")
    }

    @Test func aRefusingRobotExits1AndSaysWhy() async throws {
        let receiver = TestReceiver(answers: [(.ok, #"{"errcode":310000,"errmsg":"sign not match"}"#)])
        let base = try await receiver.start()
        let folder = ScratchFolder()
        let path = try plan(in: folder, base: base)
        let result = try await run(["notify", "test", "lead", "--plan", path], environment: ["DING_SECRET": "SECx"])
        await receiver.stop()
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("lead (dingtalk): not delivered: refused with code 310000: sign not match · HTTP 200"))
        #expect(result.stderrLines.first == "campaign-deck: lead did not confirm delivery (notify channel 'lead')")
        let query = await receiver.received.first?.query ?? [:]
        #expect(query["access_token"] == "T" && query["timestamp"] != nil && query["sign"] != nil)
    }

    @Test func weComWithMentionsSendsTwoMessagesBothConfirmed() async throws {
        let receiver = TestReceiver(answers: [(.ok, #"{"errcode":0,"errmsg":"ok"}"#)])
        let base = try await receiver.start()
        let folder = ScratchFolder()
        let path = try plan(in: folder, base: base)
        let result = try await run(["notify", "test", "ops", "--plan", path], environment: [:])
        await receiver.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2)
        let kinds = await receiver.received.map { (try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any])?["msgtype"] as? String }
        #expect(kinds == ["markdown", "text"])
    }

    @Test func anUnsetSecretOrAnUnknownChannelIsBadInputAndSendsNothing() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let base = try await receiver.start()
        let folder = ScratchFolder()
        let path = try plan(in: folder, base: base)
        let unset = try await run(["notify", "test", "lead", "--plan", path], environment: ["DING_SECRET": ""])
        let unknown = try await run(["notify", "test", "lede", "--plan", path], environment: [:])
        await receiver.stop()
        #expect(unset.status == 2)
        #expect(unset.stderrLines.first == "campaign-deck: ${DING_SECRET} is not set (notify channel 'lead')")
        #expect(unknown.status == 2)
        #expect(unknown.stderrLines.first == "campaign-deck: unknown notify channel 'lede' (did you mean 'lead'?) (\(path))")
        #expect(await receiver.received.isEmpty)
    }

    @Test func nobodyListeningIsARuntimeFailure() async throws {
        let folder = ScratchFolder()
        let path = try plan(in: folder, base: "http://127.0.0.1:9")
        let result = try await run(["notify", "test", "hooks", "--plan", path, "--timeout", "5"],
                                   environment: ["HOOK_URL": "http://127.0.0.1:9/alerts"])
        #expect(result.status == 1)
        #expect(result.stderrLines.first?.hasPrefix("campaign-deck: cannot reach hooks: ") == true)
    }
}
