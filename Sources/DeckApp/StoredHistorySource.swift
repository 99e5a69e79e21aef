import CampaignText
import CampaignCore
import CampaignStore

/// The metric history a database holds (`ingest --db`), shown as it stands.
public struct StoredHistorySource: LiveSource {
    public let database: any StoreEngine
    public let plan: Plan

    public init(database: any StoreEngine, plan: Plan) {
        self.database = database
        self.plan = plan
    }

    public func run(into feed: LiveFeed) throws(LiveSourceError) {
        // A long history without a stored judging state (a plan without alert rules, one edited
        // since) takes seconds to fold: the header says it is being read, not that the stream ended.
        feed.setCatchingUp(true)
        feed.publishNow()
        defer { feed.setCatchingUp(false) }
        do {
            feed.restore(try AlertResume.storedFold(database: database, plan: plan))
        } catch {
            throw LiveSourceError(Phrase.liveCannotReadHistory.text(error, database.location), isBadInput: false)
        }
    }
}
