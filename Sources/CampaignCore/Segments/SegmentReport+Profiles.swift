import CampaignText

/// The summary's sections beyond the segments: lifecycle, the value ×
/// lifecycle matrix, profile completeness and the lifetime models.
extension SegmentReport {
    static func profileJSON(_ summary: ProfileSummary) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("lifecycle", .object(summary.lifecycle.map { ($0.stage.rawValue, .int($0.customers)) })),
            ("value_lifecycle", .object(summary.matrix.map { row in
                (row.level.rawValue, .object(zip(Lifecycle.allCases, row.customers).map { ($0.rawValue, .int($1)) }))
            })),
        ]
        if !summary.tags.isEmpty { fields.append(("tags", .object(summary.tags.map { ($0.name, .int($0.customers)) }))) }
        if !summary.tiers.isEmpty {
            fields.append(("tiers", .object(summary.tiers.map { ($0.name, .int($0.customers)) })))
            fields.append(("without_tier", .int(summary.withoutTier)))
        }
        if let described = summary.describedCustomers {
            fields.append(("customers_file", .object([
                ("customers", .int(described)), ("merged_ids", .int(summary.mergedIDs)),
                ("completeness", .object(summary.completeness.map { ($0.column, .double($0.share)) })),
            ])))
        }
        if let lifetime = summary.lifetime { fields.append(("clv_model", clvModelJSON(lifetime))) }
        return fields
    }

    /// The fitted parameters, per day; a model that did not converge keeps
    /// its fields as no data (null) and says so.
    static func clvModelJSON(_ lifetime: LifetimeValues) -> JSONValue {
        let purchases = lifetime.purchases, spend = lifetime.spend
        func parameter(_ value: Double, _ converged: Bool) -> JSONValue { converged ? .double(value) : .null }
        return .object([
            ("unit", .string("day")),
            ("calibration_end", .string(lifetime.calibrationEnd.description)),
            ("horizon_days", .int(lifetime.horizonDays)),
            ("bgnbd", .object([
                ("converged", .bool(purchases.converged)), ("customers", .int(purchases.customers)),
                ("r", parameter(purchases.model.r, purchases.converged)),
                ("alpha", parameter(purchases.model.alpha, purchases.converged)),
                ("a", parameter(purchases.model.a, purchases.converged)),
                ("b", parameter(purchases.model.b, purchases.converged)),
            ])),
            ("gamma_gamma", .object([
                ("converged", .bool(spend.converged)), ("customers", .int(spend.customers)),
                ("p", parameter(spend.model.p, spend.converged)),
                ("q", parameter(spend.model.q, spend.converged)),
                ("v", parameter(spend.model.v, spend.converged)),
            ])),
        ])
    }

    /// The sections as text under the segments table.
    static func profileTable(_ summary: ProfileSummary) -> String {
        var matrix = TextTable([.init(Phrase.segValueLevelHeading.text())]
            + Lifecycle.allCases.map { .init($0.spokenName, .right) } + [.init(Phrase.segTotalHeading.text(), .right)])
        for row in summary.matrix {
            matrix.add([row.level.spokenName] + row.customers.map { Formatting.count(Int64($0)) }
                       + [Formatting.count(Int64(row.customers.reduce(0, +)))])
        }
        matrix.add([Phrase.segTotalHeading.text()] + summary.lifecycle.map { Formatting.count(Int64($0.customers)) }
                   + [Formatting.count(Int64(summary.lifecycle.reduce(0) { $0 + $1.customers }))])
        var text = "\n" + Phrase.segMatrixTitle.text() + "\n" + matrix.rendered()
        if !summary.tags.isEmpty || !summary.tiers.isEmpty {
            var labels = TextTable([.init(Phrase.segLabelHeading.text()), .init(Phrase.segLabelKindHeading.text()),
                                    .init(Phrase.dataHeadCustomers.text(), .right)])
            for tag in summary.tags { labels.add([tag.name, Phrase.segKindTag.text(), Formatting.count(Int64(tag.customers))]) }
            for tier in summary.tiers.reversed() { labels.add([tier.name, Phrase.segKindTier.text(), Formatting.count(Int64(tier.customers))]) }
            if !summary.tiers.isEmpty {
                labels.add([Phrase.segNoTier.text(), Phrase.segKindTier.text(), Formatting.count(Int64(summary.withoutTier))])
            }
            text += "\n" + Phrase.segLabelsTitle.text() + "\n" + labels.rendered()
        }
        if let described = summary.describedCustomers {
            var completeness = TextTable([.init(Phrase.segAttributeHeading.text()), .init(Phrase.segFilledHeading.text(), .right)])
            for column in summary.completeness { completeness.add([column.column, Formatting.percent(column.share)]) }
            text += "\n" + Phrase.segCompletenessTitle.text(Formatting.count(Int64(described)), Formatting.count(Int64(summary.mergedIDs)))
                + "\n" + completeness.rendered()
        }
        if let lifetime = summary.lifetime { text += "\n" + clvModelText(lifetime) }
        return text
    }

    private static func clvModelText(_ lifetime: LifetimeValues) -> String {
        let purchases = lifetime.purchases, spend = lifetime.spend
        var text = Phrase.segCLVTitle.text(lifetime.calibrationEnd, lifetime.horizonDays) + "\n"
        let number = { (value: Double) in Formatting.plain((value * 10_000).rounded() / 10_000) }
        text += purchases.converged
            ? Phrase.segBGNBDLine.text(number(purchases.model.r), number(purchases.model.alpha), number(purchases.model.a),
                                       number(purchases.model.b), Formatting.count(Int64(purchases.customers)))
            : Phrase.segBGNBDNotConverged.text(Formatting.count(Int64(purchases.customers)), "p_alive", "expected_purchases_90d", "clv_90d")
        text += "\n"
        text += spend.converged
            ? Phrase.segGammaGammaLine.text("Gamma-Gamma", number(spend.model.p), number(spend.model.q), number(spend.model.v),
                                            Formatting.count(Int64(spend.customers)))
            : Phrase.segGammaGammaNotConverged.text("Gamma-Gamma", Formatting.count(Int64(spend.customers)), "clv_90d")
        return text + "\n"
    }
}
