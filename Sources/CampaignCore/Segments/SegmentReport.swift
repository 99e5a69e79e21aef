import CampaignText

/// `campaign-deck segment` output: every customer (JSON, CSV, a table) or the
/// per-segment summary. JSON and CSV field names are snake_case.
///
/// Customer listings stream to `sink` in pieces of about 64 KB: a million
/// customers never become one String.
public enum SegmentReport {
    /// Customer fields in output order: the documented JSON ones (`customer_id` … `segment`) first,
    /// then the other purchase features and the lifecycle stage.
    public static let customerColumns = [
        "customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment",
        "aov", "orders_30d", "orders_90d", "orders_180d", "orders_365d", "first_purchase_days", "repurchase_rate",
        "monetary_30d", "monetary_90d", "monetary_180d", "monetary_365d", "growth_90d", "lifecycle", "value_level",
    ]

    /// Fields printed only when fitted: the lifetime models' figures.
    public static let lifetimeColumns = ["p_alive", "expected_purchases_90d", "clv_90d"]

    /// This segmentation's columns: `customerColumns`, then what this data
    /// adds: behaviour, top category and channel, tags and tier, the lifetime
    /// figures when fitted, the customers file's tenure and columns.
    public static func columns(_ segmentation: Segmentation) -> [String] {
        var columns = customerColumns
        if segmentation.hasBehaviour { columns += ["last_active_days", "browses_90d", "cart_adds_90d"] }
        if segmentation.hasCategory { columns.append("top_category") }
        if segmentation.hasChannel { columns.append("top_channel") }
        if !segmentation.labels.tagNames.isEmpty { columns.append("tags") }
        if !segmentation.labels.tierNames.isEmpty { columns.append("tier") }
        if segmentation.profiles?.lifetime != nil { columns += lifetimeColumns }
        if segmentation.profiles?.context.attributes != nil {
            columns.append("tenure_days")
            columns += segmentation.attributes.map(\.name)
        }
        return columns
    }

    /// Columns written as JSON numbers: the purchase features, the profile's
    /// numbers and the customers file's number columns.
    static func numericColumns(_ segmentation: Segmentation) -> Set<String> {
        Set(customerColumns).subtracting(["customer_id", "segment", "lifecycle", "value_level"])
            .union(lifetimeColumns).union(CustomerRowLayout.profileNumberFields)
            .union(segmentation.attributes.filter(\.isNumber).map(\.name))
    }

    /// The values of one customer, as text, in `columns` order after the id
    /// ("" for no data). `aov`, `repurchase_rate` and `growth_90d` are printed
    /// rounded to six decimals, the lifetime figures to six decimals too
    /// (rules use them unrounded).
    static func values(_ segmentation: Segmentation, _ index: Int) -> [String] {
        let c = segmentation.customers[index]
        var values = [
            String(c.recencyDays), String(c.frequency), c.monetary.description,
            String(c.rScore), String(c.fScore), String(c.mScore), segmentation.segmentID(ofCustomer: index),
            ratio(c.monetary.nanos, c.frequency), String(c.orders30d), String(c.orders90d),
            String(c.orders180d), String(c.orders365d), String(c.firstPurchaseDays),
            ratio(Int128(c.repurchases) * Money.scale, c.frequency),
            c.monetary30d.description, c.monetary90d.description, c.monetary180d.description, c.monetary365d.description,
            growth(c), segmentation.profiles.map { $0.lifecycle[index].rawValue } ?? "", ValueLevel(mScore: c.mScore).rawValue,
        ]
        let profiles = segmentation.profiles, details = segmentation.details
        if segmentation.hasBehaviour, let profiles {
            let activity = profiles.activity?[index] ?? BehaviourActivity()
            values += [String(details.lastActiveDays(ofCustomer: index)), String(activity.browses90d), String(activity.cartAdds90d)]
        }
        if segmentation.hasCategory { values.append(details.topCategory(ofCustomer: index) ?? "") }
        if segmentation.hasChannel { values.append(details.topChannel(ofCustomer: index) ?? "") }
        if !segmentation.labels.tagNames.isEmpty { values.append(segmentation.labels.tags(ofCustomer: index).joined(separator: ";")) }
        if !segmentation.labels.tierNames.isEmpty { values.append(segmentation.labels.tier(ofCustomer: index) ?? "") }
        guard let profiles else { return values }
        if profiles.lifetime != nil {
            let lifetime = profiles.lifetimeValues(ofCustomer: index)
            values += [lifetime?.pAlive, lifetime?.expectedPurchases, lifetime?.clv].map { $0.map(sixDecimals) ?? "" }
        }
        if profiles.context.attributes != nil {
            values.append(String(details.tenureDays(ofCustomer: index)))
            values += segmentation.attributes.map { attribute in
                attribute.column.flatMap { profiles.attribute(ofCustomer: index, column: $0) } ?? ""
            }
        }
        return values
    }

    /// Six decimals, like the other ratios (a model's figure carries no more).
    private static func sixDecimals(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        guard abs(value) < 1e20 else { return String(value) }
        return Money(nanos: Int128((value * 1e6).rounded()) * 1_000).description
    }

    /// `billionths / denominator` rounded half up to six decimals, in exact
    /// 128-bit integer arithmetic (Int64 trapped on one purchase of 9223372036854).
    private static func ratio(_ billionths: Int128, _ denominator: Int) -> String {
        let perMillionth = Money.scale / 1_000_000 * Int128(denominator)
        let micros = (billionths * 2 + perMillionth) / (2 * perMillionth)
        return Money(nanos: micros * (Money.scale / 1_000_000)).description
    }

    /// `growth_90d` to six decimals, or "" for no data (JSON writes null, a table a dash).
    private static func growth(_ c: CustomerFeatures) -> String {
        guard let earlier = c.earlierSpend90d else { return "" }
        return quotient((c.monetary90d - earlier).nanos, earlier.nanos)
    }

    /// `numerator / denominator` rounded half away from zero to six decimals,
    /// exact in 128 bits (1/3 prints 0.333333, not float noise); a quotient
    /// too large for that (spends near the 1e15 limit) goes through Double.
    private static func quotient(_ numerator: Int128, _ denominator: Int128) -> String {
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 2_000_000)
        guard !overflow else {
            return Money(nanos: Int128((Double(numerator) / Double(denominator) * 1e6).rounded()) * 1_000).description
        }
        let sign: Int128 = (numerator < 0) != (denominator < 0) ? -1 : 1
        let micros = (abs(scaled) / abs(denominator) + 1) / 2 * sign
        return Money(nanos: micros * 1_000).description
    }


    // MARK: - Customers

    public static func writeCustomersJSON(_ segmentation: Segmentation, rejected: [RejectedRow], to sink: (String) -> Void) {
        var out = "{\n  \"as_of\": "
        out += segmentation.customers.asOf.map { "\"\($0)\"" } ?? "null"
        out += ",\n  \"customers\": ["
        let numeric = numericColumns(segmentation)
        let columns = columns(segmentation)
        for index in 0..<segmentation.customers.count {
            out += index == 0 ? "\n    {" : ",\n    {"
            out += "\"customer_id\": "
            JSONValue.writeString(segmentation.customers.customerID(index), into: &out)
            for (name, value) in zip(columns.dropFirst(), values(segmentation, index)) {
                out += ", \"" + name + "\": "
                if name == "tags" {
                    // A list in JSON: a tag name may hold the CSV's separator.
                    out += "["
                    for (position, tag) in segmentation.labels.tags(ofCustomer: index).enumerated() {
                        if position > 0 { out += ", " }
                        JSONValue.writeString(tag, into: &out)
                    }
                    out += "]"
                } else if value.isEmpty {
                    out += "null"
                } else if numeric.contains(name), Double(value) != nil {
                    out += value
                } else {
                    JSONValue.writeString(value, into: &out)
                }
            }
            out += "}"
            if out.utf8.count >= 1 << 16 {
                sink(out)
                out = ""
            }
        }
        out += segmentation.customers.count == 0 ? "],\n  \"rejected\": [" : "\n  ],\n  \"rejected\": ["
        for (position, row) in rejected.enumerated() {
            out += position == 0 ? "\n    " : ",\n    "
            out += "{\"line\": \(row.line), \"reason\": "
            // A program reads JSON: the reason stays in English whatever the reader's language.
            JSONValue.writeString(Language.$override.withValue(.english) { row.reason.description }, into: &out)
            out += "}"
        }
        out += rejected.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        sink(out)
    }

    public static func writeCustomersCSV(_ segmentation: Segmentation, to sink: (String) -> Void) {
        var out = CSVWriter.row(columns(segmentation)) + "\n"
        for index in 0..<segmentation.customers.count {
            out += CSVWriter.field(segmentation.customers.customerID(index))
            for value in values(segmentation, index) {
                out += ","
                out += CSVWriter.field(value)
            }
            out += "\n"
            if out.utf8.count >= 1 << 16 {
                sink(out)
                out = ""
            }
        }
        sink(out)
    }

    /// The first `limit` customers as a table, with a line saying how many more there are.
    public static func customersTable(_ segmentation: Segmentation, limit: Int) -> String {
        var table = TextTable(columns(segmentation).map {
            TextTable.Column(heading($0), ["customer_id", "segment"].contains($0) ? .left : .right)
        })
        let shown = min(limit, segmentation.customers.count)
        for index in 0..<shown {
            var row = [segmentation.customers.customerID(index)] + values(segmentation, index)
            if let at = customerColumns.firstIndex(of: "segment"), row[at] == Segmentation.unassignedID {
                row[at] = Phrase.dataUnassignedSegment.text()
            }
            // Our own words, in the reader's language; JSON and CSV keep the ids.
            if let at = customerColumns.firstIndex(of: "lifecycle"), let stage = Lifecycle(rawValue: row[at]) {
                row[at] = stage.spokenName
            }
            if let at = customerColumns.firstIndex(of: "value_level"), let level = ValueLevel(rawValue: row[at]) {
                row[at] = level.spokenName
            }
            table.add(row.map { $0.isEmpty ? "—" : $0 })
        }
        var text = table.rendered()
        if shown < segmentation.customers.count {
            text += Phrase.dataMoreCustomers.text(Formatting.count(Int64(segmentation.customers.count - shown)))
        }
        return text
    }

    // MARK: - Summary

    public static func summaryJSON(_ segmentation: Segmentation, history: PurchaseHistory) -> JSONValue {
        let portraits = SegmentPortrait.of(segmentation)
        let fitted = segmentation.profiles?.lifetime != nil
        return .object([
            ("as_of", .optional(segmentation.customers.asOf)),
            ("segments", .array(segmentation.summary().map { row in
                var fields: [(String, JSONValue)] = [
                    ("id", .string(row.id)), ("name", .string(row.name)), ("customers", .int(row.customers)),
                    ("share", .double(row.share)), ("monetary", .decimal(row.monetary.decimal)),
                ]
                if let portrait = portraits[row.id] {
                    fields.append(("lifecycle", .object(zip(Lifecycle.allCases, portrait.lifecycle).map { ($0.rawValue, .int($1)) })))
                    if fitted { fields.append(("average_clv_90d", .optional(portrait.averageCLV))) }
                    fields += topLabelsJSON(portrait)
                }
                return .object(fields)
            })),
            ("customers", .int(segmentation.customers.count)),
            ("rows_read", .int(history.rowsRead)),
            ("purchases", .int(history.purchaseCount - segmentation.customers.purchasesAfterAsOf)),
            ("purchases_after_as_of", .int(segmentation.customers.purchasesAfterAsOf)),
            ("rejected_rows", .int(history.rejectedCount)),
            ("duplicate_rows", .int(history.duplicateCount)),
        ] + profileJSON(ProfileSummary(segmentation)))
    }

    public static func summaryCSV(_ segmentation: Segmentation) -> String {
        CSVWriter.document(header: ["id", "name", "customers", "share", "monetary"], rows: segmentation.summary().map {
            [$0.id, $0.name, String($0.customers), Formatting.plain($0.share), $0.monetary.description]
        })
    }

    public static func summaryTable(_ segmentation: Segmentation, history: PurchaseHistory) -> String {
        var table = TextTable([.init(Phrase.dataHeadSegment.text()), .init(Phrase.dataHeadName.text()),
                               .init(Phrase.dataHeadCustomers.text(), .right), .init(Phrase.dataHeadShare.text(), .right),
                               .init(Phrase.dataHeadMonetary.text(), .right)])
        for row in segmentation.summary() {
            // The unassigned row's id and name are ours, not the plan's: in the reader's language
            // (JSON and CSV keep the id `unassigned`).
            let name = row.id == Segmentation.unassignedID ? Phrase.dataUnassignedSegment.text() : row.name
            table.add([row.id == Segmentation.unassignedID ? name : row.id, name, Formatting.count(Int64(row.customers)), Formatting.percent(row.share),
                       Formatting.money(row.monetary.decimal, decimals: 2)])
        }
        var text = table.rendered()
        let asOf = segmentation.customers.asOf.map { Phrase.dataAsOf.text($0) } ?? Phrase.dataNoPurchases.text()
        text += Phrase.dataSegmentSummary.text(
            Formatting.count(Int64(segmentation.customers.count)), asOf, Formatting.count(Int64(history.rowsRead)),
            Formatting.count(Int64(history.rejectedCount)), Formatting.count(Int64(history.duplicateCount)))
        return text + topLabelsTable(segmentation) + profileTable(ProfileSummary(segmentation))
    }

    /// A customer column's heading in the table people read (JSON and CSV keep `customerColumns`).
    static func heading(_ column: String) -> String {
        switch column {
        case "customer_id": Phrase.dataHeadCustomerID.text()
        case "recency_days": Phrase.dataHeadRecency.text()
        case "frequency": Phrase.dataHeadFrequency.text()
        case "monetary": Phrase.dataHeadMonetary.text()
        case "r_score": Phrase.dataHeadRScore.text()
        case "f_score": Phrase.dataHeadFScore.text()
        case "m_score": Phrase.dataHeadMScore.text()
        case "segment": Phrase.dataHeadSegment.text()
        case "aov": Phrase.dataHeadAOV.text()
        case "first_purchase_days": Phrase.dataHeadFirstPurchase.text()
        case "repurchase_rate": Phrase.dataHeadRepurchase.text()
        case "growth_90d": Phrase.segGrowthHeading.text()
        case "lifecycle": Phrase.segLifecycleHeading.text()
        case "value_level": Phrase.segValueLevelHeading.text()
        case "p_alive": Phrase.segPAliveHeading.text()
        case "expected_purchases_90d": Phrase.segExpectedPurchasesHeading.text()
        case "clv_90d": Phrase.segCLVHeading.text()
        case "last_active_days": Phrase.segLastActiveHeading.text()
        case "browses_90d": Phrase.segBrowsesHeading.text()
        case "cart_adds_90d": Phrase.segCartAddsHeading.text()
        case "top_category": Phrase.segTopCategoryHeading.text()
        case "top_channel": Phrase.segTopChannelHeading.text()
        case "tags": Phrase.segTagsHeading.text()
        case "tier": Phrase.segTierHeading.text()
        case "tenure_days": Phrase.segTenureHeading.text()
        default:
            // orders_30d … orders_365d
            if column.hasPrefix("orders_"), column.hasSuffix("d") {
                Phrase.dataHeadOrders.text(column.dropFirst(7).dropLast())
            } else if column.hasPrefix("monetary_"), column.hasSuffix("d") {
                Phrase.segSpendHeading.text(column.dropFirst(9).dropLast())
            } else {
                column
            }
        }
    }
}
