import CampaignCore
import CampaignText
import CampaignStore
import Foundation

/// Sends what the outbox holds: groups each channel's pending notices of one
/// rule that happened within the policy's `group_wait` (event time) into one
/// message, builds the robot's requests (address and secret read from the
/// plan and the environment now), and marks the rows delivered only on the
/// robot's success answer. A failure is tried again after a backoff that
/// doubles per attempt (capped at five minutes); WeCom and DingTalk take at
/// most 20 messages a minute per robot, so a channel past that waits.
public final class OutboxDrain {
    public struct Pass: Sendable, Equatable {
        public var delivered = 0
        public var failed = 0
        /// Messages that were due but held back by a robot's rate limit.
        public var rateLimited = 0
        /// Messages held because the plan has no such channel (see `MissingChannels`).
        public var waiting = 0
        /// Rows not sent on purpose (see `SendTimeChecks`).
        public var skipped = 0
        /// One line per delivery or failure, for the watcher's log.
        public var lines: [String] = []
    }

    public static let maxBackoffSeconds: Int64 = 300
    /// Messages per minute a WeCom or DingTalk group robot accepts.
    public static let robotMessagesPerMinute = 20

    let plan: Plan
    let outbox: NotifyOutbox
    let environment: [String: String]
    let sender: RobotSender
    let now: () -> Date
    /// Send times of the last minute, per channel, for the rate limit.
    private var recentSends: [String: [Date]] = [:]

    public init(plan: Plan, outbox: NotifyOutbox, environment: [String: String], sender: RobotSender = RobotSender(),
                now: @escaping () -> Date = Date.init) {
        self.plan = plan
        self.outbox = outbox
        self.environment = environment
        self.sender = sender
        self.now = now
    }

    /// One pass over what is due: rows whose backoff has passed (all of
    /// them when `ignoringBackoff`), whose hold the events' clock has
    /// reached, in groups that are closed — the clock is `group_wait` past
    /// their first row, or `closingGroups` says nothing more will join them
    /// (`notify flush`, the end of an `ingest`).
    public func pass(ignoringBackoff: Bool = false, closingGroups: Bool = false) throws -> Pass {
        var pass = Pass()
        let nowMilliseconds = nowInMilliseconds()
        // A database written before the clock was kept has none: nothing waits for it.
        let watermark = try outbox.watermark() ?? .max
        let due = try outbox.pending()
            .filter { $0.dueAt <= watermark && (ignoringBackoff || $0.nextAttemptAt <= nowMilliseconds) }
        let unsilenced = try OutboxSilences(outbox: outbox, timeZone: plan.campaign.timezone)
            .keep(due, now: nowMilliseconds, pass: &pass)
        let sendable = try SendTimeChecks(outbox: outbox).keep(unsilenced, now: nowMilliseconds, pass: &pass)
        let groupWait = Int64(plan.notifyPolicy.groupWaitSeconds) * 1_000
        // A channel that failed once in this pass is not tried again in it: a
        // receiver that is down would otherwise be asked once per message, and
        // later messages must not overtake the one that failed.
        var failedChannels: Set<String> = []
        for group in Self.groups(sendable, groupWaitMilliseconds: groupWait) {
            let channelID = group[0].channel
            if failedChannels.contains(channelID) { continue }
            if !closingGroups && group[0].dueAt + groupWait > watermark { continue }
            guard let channel = plan.notify.first(where: { $0.id == channelID }) else {
                // Not an attempt that failed: no try counted, no backoff (see MissingChannels).
                pass.waiting += group.count
                continue
            }
            if isRateLimited(channel) {
                pass.rateLimited += 1
                continue
            }
            let message = NotifyMessage(campaignID: plan.campaign.id, campaignName: plan.campaign.name,
                                        timeZone: plan.campaign.timezone, notices: group.map(\.notice))
            let requests: [RobotRequest]
            do {
                requests = try RobotRequests.make(for: channel, message: message, environment: environment, now: now())
            } catch {
                try fail(group, error.description, &pass)
                continue
            }
            var problem: String?
            for request in requests where problem == nil {
                recentSends[channel.id, default: []].append(now())
                switch sender.send(request, kind: channel.kind) {
                case .failure(let error): problem = error.description
                case .success(let answer): if !answer.delivered { problem = answer.problem ?? DeliveryProblemWords.refused }
                }
            }
            if let problem {
                try fail(group, problem, &pass)
                failedChannels.insert(channelID)
            } else {
                try outbox.markDelivered(group.map(\.id), at: nowMilliseconds)
                pass.delivered += 1
                pass.lines.append(Phrase.dataDelivered.text(channelID, Self.describe(group)))
            }
        }
        return pass
    }

    private func fail(_ group: [NotifyOutbox.Entry], _ problem: String, _ pass: inout Pass) throws {
        let attempts = group.map(\.attempts).max() ?? 0
        let wait = min(Int64(1) << min(attempts, 20), Self.maxBackoffSeconds)
        let nowMilliseconds = nowInMilliseconds()
        try outbox.markFailed(group.map(\.id), error: problem, retryAt: nowMilliseconds + wait * 1_000)
        pass.failed += 1
        pass.lines.append(Phrase.dataNotDelivered.text(group[0].channel, DeliveryProblemWords.spoken(problem), wait, Self.describe(group)))
    }

    /// The wall clock as the outbox stores it: epoch milliseconds.
    private func nowInMilliseconds() -> Int64 { Int64((now().timeIntervalSince1970 * 1_000).rounded(.down)) }

    private func isRateLimited(_ channel: NotifyChannel) -> Bool {
        guard channel.kind == .wecom || channel.kind == .dingtalk else { return false }
        let minuteAgo = now().addingTimeInterval(-60)
        let recent = (recentSends[channel.id] ?? []).filter { $0 > minuteAgo }
        recentSends[channel.id] = recent
        return recent.count >= Self.robotMessagesPerMinute
    }

    /// Pending rows split into messages: per channel and rule, a message
    /// takes the rows from its first one up to `group_wait` later, by when
    /// each may be sent (so what quiet hours held goes out as one message).
    static func groups(_ entries: [NotifyOutbox.Entry], groupWaitMilliseconds: Int64) -> [[NotifyOutbox.Entry]] {
        var groups: [[NotifyOutbox.Entry]] = []
        var open: [String: Int] = [:]
        let ordered = entries.enumerated().sorted { ($0.element.dueAt, $0.offset) < ($1.element.dueAt, $1.offset) }
        for entry in ordered.map(\.element) {
            let key = entry.channel + "\u{0}" + entry.rule
            if let index = open[key], entry.dueAt - groups[index][0].dueAt <= groupWaitMilliseconds {
                groups[index].append(entry)
            } else {
                open[key] = groups.count
                groups.append([entry])
            }
        }
        return groups
    }

    static func describe(_ group: [NotifyOutbox.Entry]) -> String {
        group.map {
            let status = ($0.notice.status == .firing ? Phrase.dataNoticeFiring : .dataNoticeResolved).text()
            return "\($0.notice.rule) \(status)" + ($0.notice.scope.isEmpty ? "" : " [\($0.notice.scope)]")
        }
            .joined(separator: ", ")
    }
}

extension OutboxDrain {
    /// What a bounded delivery did.
    public struct Delivery: Sendable, Equatable {
        public var delivered = 0
        public var remaining = 0
        public var skipped = 0
        /// False when another process holds the sender lease (it sends instead).
        public var heldLease = true
        public var lines: [String] = []
    }

    /// Up to `rounds` passes, a second apart, while messages remain: under
    /// the sender lease, so two processes on one database never both send.
    /// `ignoringBackoff` tries everything pending now (`notify flush`).
    public func deliver(holder: String, rounds: Int, ignoringBackoff: Bool, closingGroups: Bool = false,
                        isGone: (String) -> Bool = { _ in false },
                        pause: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) throws -> Delivery {
        var delivery = Delivery()
        guard try outbox.takeLease(holder: holder, now: nowInMilliseconds(), isGone: isGone) else {
            delivery.heldLease = false
            delivery.remaining = try outbox.pendingCount()
            return delivery
        }
        defer { try? outbox.releaseLease(holder: holder) }
        for round in 0..<max(1, rounds) {
            if round > 0 {
                pause(1)
                guard try outbox.takeLease(holder: holder, now: nowInMilliseconds()) else { break }
            }
            let pass = try pass(ignoringBackoff: ignoringBackoff, closingGroups: closingGroups)
            delivery.delivered += pass.delivered
            delivery.skipped += pass.skipped
            delivery.lines += pass.lines
            // What waits for a channel the plan lacks will not go a second later either.
            let left = try outbox.pendingCount()
            if left == 0 || left == pass.waiting { break }
        }
        delivery.remaining = try outbox.pendingCount()
        return delivery
    }
}
