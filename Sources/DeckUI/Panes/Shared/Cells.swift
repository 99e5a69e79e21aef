import CampaignText
import CampaignCore

/// How numbers look in panes: short and aligned.
enum Cells {
    static func percent(_ value: Double?, decimals: Int = 1) -> String {
        guard let value else { return "–" }
        return Formatting.fixed(value * 100, decimals: decimals) + "%"
    }

    static func number(_ value: Double?, decimals: Int = 1) -> String {
        guard let value else { return "–" }
        return Formatting.fixed(value, decimals: decimals)
    }

    /// 1234 → 1.2k, 3400000 → 3.4M.
    static func compact(_ value: Double) -> String {
        switch abs(value) {
        case 1_000_000...: return Formatting.fixed(value / 1_000_000, decimals: 1) + "M"
        case 10_000...: return Formatting.fixed(value / 1_000, decimals: 0) + "k"
        case 1_000...: return Formatting.fixed(value / 1_000, decimals: 1) + "k"
        default: return Formatting.fixed(value, decimals: 0)
        }
    }

    /// The state as a symbol and a word, so a breach stands out without colour.
    static func state(_ state: AlertState) -> String {
        switch state {
        case .ok: return Phrase.stateOK.text()
        case .pending: return Phrase.statePending.text()
        case .firing: return Phrase.stateFiring.text()
        case .noData: return Phrase.stateNoData.text()
        }
    }

    static func role(_ state: AlertState) -> ThemeRole {
        switch state {
        case .ok: return .ok
        case .pending: return .pending
        case .firing: return .firing
        case .noData: return .noData
        }
    }
}
