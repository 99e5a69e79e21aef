import CampaignCore
import DeckUI

/// The anomaly log as the dashboard uses it: record alert transitions, list
/// rows, apply what people do from the keyboard. Every call runs on the live
/// session's thread, so no database write ever blocks the terminal; every
/// failure is thrown and shown in the status bar.
public protocol AnomalyDesk: Sendable {
    func record(_ transitions: [AlertTransition]) throws
    /// The events judged so far reach `watermark` (epoch ms): the clock that
    /// closes notify groups and times reminders (SPEC §12) moves with it.
    func advance(to watermark: Int64) throws
    func rows() throws -> [DashboardSnapshot.AnomalyRow]
    /// The log as the stand-up agenda lists it.
    func agendaItems() throws -> [StandupAgenda.AnomalyItem]
    func acknowledge(id: Int64) throws
    func assign(id: Int64, owner: String) throws
    func note(id: Int64, text: String) throws
    func resolve(id: Int64, cause: String?, action: String?) throws
    /// Undoes a resolution: back to the status it was resolved from.
    func reopen(id: Int64) throws
    /// Whether the log can change under this desk (a shared server): then the
    /// live side asks `rowsChangedElsewhere` a few times a second, even when idle.
    var watchesOthers: Bool { get }
    /// The rows of the last `rows()` with what someone else changed since
    /// applied, or nil when nothing was; does not wait.
    func rowsChangedElsewhere() throws -> [DashboardSnapshot.AnomalyRow]?
}

extension AnomalyDesk {
    /// A desk that sends nothing keeps no clock.
    public func advance(to watermark: Int64) throws {}
    public var watchesOthers: Bool { false }
    public func rowsChangedElsewhere() throws -> [DashboardSnapshot.AnomalyRow]? { nil }
}
