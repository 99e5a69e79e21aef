@testable import CampaignCore
@testable import CampaignNotify
@testable import CampaignStore
import Foundation
import HTTPTestReceiver
import StoreTestEngines
import Testing

/// Who sends: the holder of the sender lease, and nobody else. A watcher
/// holding it keeps a dashboard on the same database from sending; when it
/// gives the lease back (or its lease runs out, or its process is gone) the
/// dashboard takes over. The built-in simulator never notifies.
@Suite struct OutboxSenderTests {
    let database: any StoreEngine

    init() throws {
        database = try TestEngine.current.store(in: FileManager.default.temporaryDirectory.path)
    }

    /// Lines a sender logs, collected across threads.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// Hosts differ, so neither holder can be judged gone by a pid check on this machine.
    static let watchIdentity = SenderIdentity(host: "watch-host", pid: 1)
    static let dashboardIdentity = SenderIdentity(host: "dashboard-host", pid: 2)

    func sender(_ plan: Plan, _ identity: SenderIdentity, _ lines: Lines, now: @escaping @Sendable () -> Date = Date.init) -> OutboxSender {
        OutboxSender(plan: plan, database: database, environment: [:], identity: identity, now: now, log: lines.add)
    }

    static func delivered(_ step: OutboxSender.Step?) -> Int? {
        if case .sent(let pass) = step { return pass.delivered }
        return nil
    }

    @Test func aWatcherHoldingTheLeaseKeepsTheDashboardFromSendingUntilItLetsGo() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = OutboxDeliveryTests.plan(url: try await receiver.start() + "/alerts")
        let anomalies = AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
        try anomalies.record([OutboxDeliveryTests.ctr(.pending, .firing, at: 4, value: 0.005)], in: database)
        let watchLines = Lines(), dashboardLines = Lines()
        let watch = sender(plan, Self.watchIdentity, watchLines)
        let dashboard = sender(plan, Self.dashboardIdentity, dashboardLines)

        let first = try await OutboxDeliveryTests.offThePool { watch.step() }
        #expect(Self.delivered(first) == 1)
        // A transition while the watcher holds the lease: the dashboard defers, twice, and says so once.
        try anomalies.record([OutboxDeliveryTests.cpa(.pending, .firing, at: 5, value: 60)], in: database)
        let deferred = try await OutboxDeliveryTests.offThePool { [dashboard.step(), dashboard.step()] }
        #expect(deferred == [.deferred(to: "watch-host:1"), .deferred(to: "watch-host:1")])
        #expect(dashboardLines.all == ["another process (watch-host:1) holds the sender lease and sends; this one does not send while it does"])
        #expect(await receiver.received.count == 1, "the dashboard sent nothing")
        #expect(try NotifyOutbox(database: database).pendingCount() == 1)

        // The watcher stops and gives the lease back: the dashboard sends at its next step.
        watch.release()
        let taken = try await OutboxDeliveryTests.offThePool { dashboard.step() }
        #expect(Self.delivered(taken) == 1)
        #expect(dashboardLines.all.dropFirst().first == "took over the sender lease from watch-host:1: sending from here")
        #expect(dashboardLines.all.last == "delivered to hooks: CPA high firing")
        // Now the watcher, started again, is the one that waits.
        #expect(watch.step() == .deferred(to: "dashboard-host:2"))
        await receiver.stop()
        #expect(await receiver.received.count == 2)
        #expect(try NotifyOutbox(database: database).pendingCount() == 0)
    }

    @Test func aLeaseNotRenewedFor30SecondsIsTakenOver() throws {
        let plan = OutboxDeliveryTests.plan(url: "http://127.0.0.1:9/alerts")
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let lines = Lines()
        let watch = sender(plan, Self.watchIdentity, lines, now: { start })
        #expect(watch.step() == .sent(OutboxDrain.Pass()))
        let early = sender(plan, Self.dashboardIdentity, lines, now: { start.addingTimeInterval(29.999) })
        #expect(early.step() == .deferred(to: "watch-host:1"))
        let late = sender(plan, Self.dashboardIdentity, lines, now: { start.addingTimeInterval(30) })
        #expect(late.step() == .sent(OutboxDrain.Pass()))
    }

    @Test func theLeaseOfAProcessOfThisHostThatEndedIsTakenAtOnce() throws {
        let plan = OutboxDeliveryTests.plan(url: "http://127.0.0.1:9/alerts")
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let lines = Lines()
        let dead = sender(plan, SenderIdentity(pid: ended.processIdentifier), lines)
        #expect(dead.step() == .sent(OutboxDrain.Pass()))
        let live = sender(plan, SenderIdentity(), lines)
        #expect(live.step() == .sent(OutboxDrain.Pass()), "pid \(ended.processIdentifier) no longer runs")
        #expect(lines.all.isEmpty, "nothing to say: no wait, no deferral")
        // …but a live process's lease (this test's own pid) is respected.
        #expect(dead.step() == .deferred(to: SenderIdentity().holder))
    }

    @Test func stoppingGivesTheLeaseBackSoTheNextSenderNeedNotWait() throws {
        let plan = OutboxDeliveryTests.plan(url: "http://127.0.0.1:9/alerts")
        let lines = Lines()
        let watch = sender(plan, Self.watchIdentity, lines)
        watch.start()
        watch.wake()
        watch.stop()
        #expect(try NotifyOutbox(database: database).leaseHolder() == nil)
        #expect(sender(plan, Self.dashboardIdentity, lines).step() == .sent(OutboxDrain.Pass()))
    }

    @Test func aFailedMessageIsTriedAgainOnItsBackoffWithoutBeingWoken() async throws {
        // The first answer is a 500; the sender's own tick (0.05 s) retries after the 1 s backoff.
        let receiver = TestReceiver(answers: [(.internalServerError, ""), (.ok, "{}")])
        let plan = OutboxDeliveryTests.plan(url: try await receiver.start() + "/alerts")
        let anomalies = AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
        try anomalies.record([OutboxDeliveryTests.ctr(.pending, .firing, at: 4, value: 0.005)], in: database)
        let lines = Lines()
        let watch = OutboxSender(plan: plan, database: database, environment: [:], identity: Self.watchIdentity,
                                 tickSeconds: 0.05, log: lines.add)
        watch.start()
        let outbox = NotifyOutbox(database: database)
        for _ in 0..<200 where try outbox.pendingCount() > 0 { try await Task.sleep(for: .milliseconds(50)) }
        let remaining = watch.stop()
        await receiver.stop()
        #expect(remaining == 0)
        #expect(await receiver.received.count == 2)
        #expect(lines.all.count == 2)
        #expect(lines.all.first?.hasPrefix("not delivered to hooks: HTTP 500") == true, "\(lines.all)")
        #expect(lines.all.last == "delivered to hooks: CTR low firing [douyin]")
    }

    @Test func theLastPassClosesTheGroupsTheEventsClockLeftOpen() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = OutboxDeliveryTests.plan(url: try await receiver.start() + "/alerts", policy: "notify_policy: { group_wait: 30s }")
        let anomalies = AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
        // The events reach only the firing itself: its group (30 s) is open.
        try anomalies.record([OutboxDeliveryTests.ctr(.pending, .firing, at: 4, value: 0.005)],
                             advancingTo: OutboxDeliveryTests.at(4), in: database)
        let lines = Lines()
        let watch = sender(plan, Self.watchIdentity, lines)
        let open = try await OutboxDeliveryTests.offThePool { watch.step() }
        #expect(Self.delivered(open) == 0, "a tick waits for the events' clock")
        let remaining = try await OutboxDeliveryTests.offThePool { watch.stop() }
        #expect(remaining == 0, "stopping sends it")
        await receiver.stop()
        #expect(await receiver.received.count == 1)
        #expect(try NotifyOutbox(database: database).leaseHolder() == nil)
    }

    @Test func onlyADashboardOnRealEventsNotifiesAndOnlyInteractivelyItSends() {
        let plan = OutboxDeliveryTests.plan(url: "http://127.0.0.1:9/alerts")
        func decision(_ plan: Plan, simulator: Bool, snapshot: Bool) -> [Bool] {
            let sending = DashboardSending(plan: plan, usesSimulator: simulator, snapshot: snapshot)
            return [sending.writesOutbox, sending.sends]
        }
        #expect(decision(plan, simulator: true, snapshot: false) == [false, false], "the simulator never notifies")
        #expect(decision(plan, simulator: false, snapshot: false) == [true, true])
        #expect(decision(plan, simulator: false, snapshot: true) == [true, false], "a snapshot leaves the sending to the next sender")
        var silent = plan
        silent.notify = []
        #expect(decision(silent, simulator: false, snapshot: false) == [false, false])
    }

    @Test func theLogReadsBackEachTransitionWithItsKindAndAnomaly() throws {
        let plan = OutboxDeliveryTests.plan(url: "http://127.0.0.1:9/alerts")
        let anomalies = AlertAnomalies(plan: plan)
        let log = LoggedTransitions(database: database)
        #expect(try log.latestID() == 0)
        try anomalies.record([OutboxDeliveryTests.ctr(.pending, .firing, at: 4, value: 0.005)], in: database)
        let seen = try log.latestID()
        try anomalies.record([OutboxDeliveryTests.ctr(.firing, .ok, at: 9, value: 0.013)], in: database)
        try anomalies.record([OutboxDeliveryTests.ctr(.pending, .firing, at: 20, value: 0.004),
                              OutboxDeliveryTests.cpa(.pending, .firing, at: 20, value: 60)], in: database)
        let all = try log.after(0)
        #expect(all.map(\.kind) == [.opened, .resolved, .firedAgain, .opened])
        #expect(all.map(\.anomalyID) == [1, 1, 1, 2])
        #expect(all.map(\.at) == [4, 9, 20, 20].map(OutboxDeliveryTests.at))
        #expect(all[0].rule == "CTR low" && all[0].per == "channel" && all[0].scope == "douyin")
        #expect(all[3].per == "total")
        #expect(try log.after(seen).map(\.kind) == [.resolved, .firedAgain, .opened], "only what came after")
    }
}
