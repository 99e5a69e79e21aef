import CampaignCore
@testable import CampaignNotify
import Foundation

extension RobotSender {
    /// `send` blocks its thread until the answer; the receiver runs on Swift's
    /// cooperative pool (two threads on a two-core machine), so a blocking send
    /// from a test task could starve it. Send from a thread of its own.
    func sendOffThePool(_ request: RobotRequest, kind: NotifyChannel.Kind) async -> Result<RobotAnswer, TransportError> {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: send(request, kind: kind)) }.start()
        }
    }
}
