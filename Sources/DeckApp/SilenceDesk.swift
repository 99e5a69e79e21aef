import CampaignCore
import DeckUI

/// Silences as the dashboard uses them: written from the keyboard (`S`),
/// read to show what is silenced. A desk without a database does not
/// conform, and the dashboard says silences need `--db`. Called on the live
/// session's thread, like the anomaly desk.
public protocol SilenceDesk: Sendable {
    /// Writes a silence from now for the request's seconds.
    func silence(_ request: SilenceRequest) throws -> Silence
    /// The silences active now.
    func activeSilences() throws -> [Silence]
}
