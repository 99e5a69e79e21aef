/// Every word the anomaly log's pane shows, in one place for the catalog.
enum AnomalyWords {
    static func openCount(_ count: Int) -> String { "\(count) open" }
    static let headers = (id: "#", opened: "OPENED", what: "WHAT", status: "STATUS", owner: "OWNER")
    static let valueHeader = "VALUE"
    static let noOwner = "–"
    static let empty = "no anomalies: every rule is quiet"
    static let noneSelected = "no anomaly selected"

    static func acknowledged(_ id: Int64) -> String { "#\(id) acknowledged" }
    static func reopened(_ id: Int64) -> String { "#\(id) reopened: its resolution is undone" }
    static func notResolved(_ id: Int64) -> String { "#\(id) is not resolved: there is nothing to reopen" }
    static func alreadyResolved(_ id: Int64, reopenKey: String?) -> String {
        "#\(id) is resolved already" + (reopenKey.map { "; \($0) reopens it" } ?? "")
    }
}
