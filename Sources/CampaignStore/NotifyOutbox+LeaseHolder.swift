import Foundation
import GRDB

extension NotifyOutbox {
    /// Who holds the sender lease now, and until when (epoch milliseconds);
    /// nil when nobody does. For messages such as "another process holds it".
    public func leaseHolder() throws -> (holder: String, expiresAt: Int64)? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT holder, expires_at FROM notify_lease WHERE id = 1").map {
                (holder: $0["holder"], expiresAt: $0["expires_at"])
            }
        }
    }
}
