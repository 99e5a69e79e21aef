import CampaignText

/// Why a message was not sent, twice: in English for the outbox row (a
/// stored reason is read later by any process, whatever language it speaks)
/// and in the reader's language for the line printed now.
struct SkipReason {
    let stored: String
    let shown: String

    init(_ words: () -> String) {
        stored = Language.$override.withValue(.english) { words() }
        shown = words()
    }
}
