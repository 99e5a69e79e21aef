import CampaignText
import CampaignCore

/// Where the Segments pane's sizes come from.
public enum CustomerBaseSource: Sendable {
    /// No transactions: sizes show "–".
    case none
    /// The built-in demo's generated customer base.
    case demo
    /// The plan's `transactions:` CSV (a path already resolved against the
    /// plan's folder), and that folder, against which `customers:` resolves.
    case file(String, planFolder: String)

    /// Customers per segment id, and what the status bar should say about it
    /// (rejected rows, or why there are no sizes). Nil sizes: none to show.
    typealias Loaded = (customers: [String: Int]?, portraits: [String: SegmentPortrait], message: String?)

    func load(plan: Plan) -> Loaded {
        let segmentation: Segmentation
        var message: String?
        switch self {
        case .none:
            return (nil, [:], nil)
        case .demo:
            do {
                // No lifetime value for the generated base: its baskets are drawn alike for
                // every customer of a kind, so Gamma-Gamma has no spread to learn from.
                segmentation = try DemoCustomerBase.segmentation(plan: plan)
            } catch {
                return ([:], [:], Phrase.liveSegmentSizes.text(error))
            }
        case .file(let path, let planFolder):
            do {
                let history = try TransactionsInput.history(path: path, columns: .default, showsProgress: false)
                var (context, _) = try CustomersInput.context(plan: plan, planFolder: planFolder, path: nil, mergeOn: nil)
                // The Segments pane's average CLV: the models learn from every purchase in the file.
                context.calibrationEnd = history.latestDay
                segmentation = try Segmentation(history: history, plan: plan, asOf: nil, context: context)
                if history.rejectedCount > 0 {
                    message = Phrase.liveTransactionsRejected.text(path, history.rejectedCount)
                }
            } catch let error as TransactionsReadError {
                return ([:], [:], Phrase.liveSegmentSizes.text(error.message))
            } catch let error as CustomersInput.ReadError {
                return ([:], [:], Phrase.liveSegmentSizes.text(error.description))
            } catch {
                return ([:], [:], Phrase.liveSegmentSizes.text("\(error) (\(path))"))
            }
        }
        return (Dictionary(uniqueKeysWithValues: segmentation.summary().map { ($0.id, $0.customers) }),
                SegmentPortrait.of(segmentation), message)
    }
}
