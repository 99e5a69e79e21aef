import CampaignCore
import Foundation

/// Whether a dashboard takes part in notifying (SPEC §12). The built-in
/// simulator never notifies: its events are made up, and a demo must not page
/// anyone. A dashboard on real events (files, or a database's stored history)
/// writes the messages of the transitions it logs, like `ingest`, and sends
/// the outbox under the sender lease when it runs interactively; whoever else
/// holds the lease (a `watch`) sends instead, and the dashboard takes over
/// only when that lease ends. `--snapshot` renders one frame and exits: it
/// writes the messages but leaves the sending to the next sender.
public struct DashboardSending: Sendable, Equatable {
    /// Transitions it logs get outbox rows.
    public var writesOutbox: Bool
    /// It runs a sender (which still defers to the lease's holder).
    public var sends: Bool

    public init(plan: Plan, usesSimulator: Bool, snapshot: Bool) {
        writesOutbox = !usesSimulator && !plan.notify.isEmpty
        sends = writesOutbox && !snapshot
    }
}
