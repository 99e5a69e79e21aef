import CampaignText

/// `campaign-deck segment` output: every customer (JSON, CSV, a table) or the
/// per-segment summary. JSON and CSV field names are snake_case.
///
/// Customer listings stream to `sink` in pieces of about 64 KB: a million
/// customers never become one String.
public enum SegmentReport {
    /// Customer fields in output order: the documented JSON ones (`customer_id` … `segment`) first,
    /// then the other features.
    public static let customerColumns = [
        "customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment",
        "aov", "orders_30d", "orders_90d", "orders_180d", "orders_365d", "first_purchase_days", "repurchase_rate",
    ]

    /// The values of one customer, as text, in `customerColumns` order after the id.
    /// `aov` and `repurchase_rate` are printed rounded to six decimals (rules use them unrounded).
    static func values(_ segmentation: Segmentation, _ index: Int) -> [String] {
        let c = segmentation.customers[index]
        return [
            String(c.recencyDays), String(c.frequency), c.monetary.description,
            String(c.rScore), String(c.fScore), String(c.mScore), segmentation.segmentID(ofCustomer: index),
            ratio(c.monetary.nanos, c.frequency), String(c.orders30d), String(c.orders90d),
            String(c.orders180d), String(c.orders365d), String(c.firstPurchaseDays),
            ratio(Int128(c.repurchases) * Money.scale, c.frequency),
        ]
    }

    /// `billionths / denominator` rounded half up to six decimals, in exact
    /// 128-bit integer arithmetic (Int64 trapped on one purchase of 9223372036854).
    private static func ratio(_ billionths: Int128, _ denominator: Int) -> String {
        let perMillionth = Money.scale / 1_000_000 * Int128(denominator)
        let micros = (billionths * 2 + perMillionth) / (2 * perMillionth)
        return Money(nanos: micros * (Money.scale / 1_000_000)).description
    }

    // MARK: - Customers

    public static func writeCustomersJSON(_ segmentation: Segmentation, rejected: [RejectedRow], to sink: (String) -> Void) {
        var out = "{\n  \"as_of\": "
        out += segmentation.customers.asOf.map { "\"\($0)\"" } ?? "null"
        out += ",\n  \"customers\": ["
        let numeric = Set(customerColumns).subtracting(["customer_id", "segment"])
        for index in 0..<segmentation.customers.count {
            out += index == 0 ? "\n    {" : ",\n    {"
            out += "\"customer_id\": "
            JSONValue.writeString(segmentation.customers.customerID(index), into: &out)
            for (name, value) in zip(customerColumns.dropFirst(), values(segmentation, index)) {
                out += ", \"" + name + "\": "
                if numeric.contains(name) { out += value } else { JSONValue.writeString(value, into: &out) }
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
        var out = CSVWriter.row(customerColumns) + "\n"
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
        var table = TextTable(customerColumns.map {
            TextTable.Column(heading($0), ["customer_id", "segment"].contains($0) ? .left : .right)
        })
        let shown = min(limit, segmentation.customers.count)
        for index in 0..<shown {
            var row = [segmentation.customers.customerID(index)] + values(segmentation, index)
            if let at = customerColumns.firstIndex(of: "segment"), row[at] == Segmentation.unassignedID {
                row[at] = Phrase.dataUnassignedSegment.text()
            }
            table.add(row)
        }
        var text = table.rendered()
        if shown < segmentation.customers.count {
            text += Phrase.dataMoreCustomers.text(Formatting.count(Int64(segmentation.customers.count - shown)))
        }
        return text
    }

    // MARK: - Summary

    public static func summaryJSON(_ segmentation: Segmentation, history: PurchaseHistory) -> JSONValue {
        .object([
            ("as_of", .optional(segmentation.customers.asOf)),
            ("segments", .array(segmentation.summary().map { row in
                .object([
                    ("id", .string(row.id)), ("name", .string(row.name)), ("customers", .int(row.customers)),
                    ("share", .double(row.share)), ("monetary", .decimal(row.monetary.decimal)),
                ])
            })),
            ("customers", .int(segmentation.customers.count)),
            ("rows_read", .int(history.rowsRead)),
            ("purchases", .int(history.purchaseCount - segmentation.customers.purchasesAfterAsOf)),
            ("purchases_after_as_of", .int(segmentation.customers.purchasesAfterAsOf)),
            ("rejected_rows", .int(history.rejectedCount)),
            ("duplicate_rows", .int(history.duplicateCount)),
        ])
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
        return text
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
        default:
            // orders_30d … orders_365d
            if column.hasPrefix("orders_"), column.hasSuffix("d") {
                Phrase.dataHeadOrders.text(column.dropFirst(7).dropLast())
            } else {
                column
            }
        }
    }
}
