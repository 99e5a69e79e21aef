import CampaignText

/// An alert's value or threshold as people read it, by its metric: a CTR as
/// a percentage (`0.64%`, never `0.006430868167202572`), money with its
/// currency (`45.00 CNY`), counts as whole numbers. Machine formats (JSON,
/// CSV) keep the raw number; this is only for text a person reads.
public struct AlertValueText: Sendable {
    /// The campaign's currency; nil writes money without one (a database
    /// read without its plan may not know it).
    public let currency: String?

    public init(currency: String?) {
        self.currency = currency
    }

    /// `value` written by `metric`'s format. A name the vocabulary does not
    /// know (an anomaly opened by hand may name anything, or nothing) keeps
    /// the number as written.
    public func text(_ value: Double, metric: String?) -> String {
        guard let known = metric.flatMap(Metric.init(rawValue:)) else { return Formatting.plain(value) }
        return known.formatted(value, currency: currency)
    }

    /// `2.25% (threshold 1%)`: what was observed against what the rule allows.
    public func measured(_ value: Double?, threshold: Double?, metric: String?) -> String {
        let shown = value.map { text($0, metric: metric) } ?? "–"
        guard let threshold else { return shown }
        return Phrase.alertValueThreshold.text(shown, text(threshold, metric: metric))
    }
}
