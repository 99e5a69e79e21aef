@testable import CampaignStore
import Testing

/// `--db` wins, else beside the plan, else the demo's state directory.
@Suite struct DatabaseLocationTests {
    let environment = ["HOME": "/home/ana", "XDG_STATE_HOME": "/var/state"]

    @Test func anExplicitPathWins() {
        #expect(DatabaseLocation.resolve(db: "x.sqlite", plan: "spring.yaml", environment: environment) == "x.sqlite")
    }

    @Test func aPlanKeepsItsDatabaseBesideIt() {
        #expect(DatabaseLocation.resolve(db: nil, plan: "plans/spring.yaml", environment: environment)
            == "plans/spring.deck.sqlite")
        #expect(DatabaseLocation.resolve(db: nil, plan: "spring.yml", environment: environment) == "spring.deck.sqlite")
        #expect(DatabaseLocation.resolve(db: nil, plan: "spring", environment: environment) == "spring.deck.sqlite")
    }

    @Test func theDemoLivesInTheStateDirectory() {
        #expect(DatabaseLocation.resolve(db: nil, plan: nil, environment: environment)
            == "/var/state/campaign-deck/demo.deck.sqlite")
        #expect(DatabaseLocation.resolve(db: "", plan: "demo", environment: ["HOME": "/home/ana"])
            == "/home/ana/.local/state/campaign-deck/demo.deck.sqlite")
    }

    @Test func aRelativeStateHomeIsIgnoredAsTheXDGSpecSays() {
        #expect(DatabaseLocation.resolve(db: nil, plan: nil, environment: ["HOME": "/home/ana", "XDG_STATE_HOME": "state"])
            == "/home/ana/.local/state/campaign-deck/demo.deck.sqlite")
    }

    @Test func theDemoFolderIsCreatedOnFirstUse() throws {
        let folder = TemporaryFolder()
        let database = try DeckDatabase(db: nil, plan: nil, environment: ["HOME": "/nonexistent", "XDG_STATE_HOME": folder.path])
        #expect(database.path == folder.path + "/campaign-deck/demo.deck.sqlite")
        #expect(folder.contents() == ["campaign-deck"])
    }
}
