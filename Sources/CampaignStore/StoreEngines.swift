import Foundation

/// Opens the store a location names, on its engine: a `postgres://` URL is a
/// team's server; anything else is a SQLite file (`DatabaseLocation`).
public enum StoreEngines {
    public static func open(db: String?, plan: String?, create: Bool = true,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any StoreEngine {
        let location = DatabaseLocation.resolve(db: db, plan: plan, environment: environment)
        if PostgresURL.isPostgres(location) {
            return try PostgresStore(url: location, create: create, option: DatabaseLocation.option(db: db, environment: environment))
        }
        return try DeckDatabase(db: db, plan: plan, create: create, environment: environment)
    }
}
