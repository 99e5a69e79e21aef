import Foundation

extension NotifyOutbox {
    /// Who holds the sender lease now, and until when (epoch milliseconds);
    /// nil when nobody does. For messages such as "another process holds it".
    public func leaseHolder() throws -> (holder: String, expiresAt: Int64)? {
        try database.readSQL { session in
            try session.fetchOne("SELECT holder, expires_at FROM notify_lease WHERE id = 1", []).map {
                (holder: $0.string("holder") ?? "", expiresAt: $0.int64("expires_at") ?? 0)
            }
        }
    }
}
