import CampaignText
import Foundation
import Yams

/// Reads plan YAML into a `Plan`, reporting every problem it can find in one
/// pass. Structural problems (wrong types, unknown keys) are found here;
/// problems between elements (ids, cycles, budgets, rules) by `PlanValidator`.
public enum PlanLoader {
    public struct Result: Sendable {
        /// nil only when the file is too broken to describe a campaign at all.
        public var plan: Plan?
        public var diagnostics: [Diagnostic]
        /// The plan's schedule when checking computed it (`PlanDocument.schedule`).
        var schedule: Schedule? = nil
    }

    static let topLevelKeys = ["campaign", "budget_lines", "channels", "segments", "phases", "tasks", "alerts", "notify", "notify_policy",
                               "lifecycle", "tags", "tiers", "targets", "sources"]

    /// Loads and validates. `diagnostics` is sorted by position.
    public static func load(yaml text: String) -> Result { loadKeepingTree(yaml: text).result }

    /// Also returns the YAML tree it read, so an editor need not parse the text again.
    static func loadKeepingTree(yaml text: String) -> (result: Result, root: Node?) {
        let (result, root, _) = loadKeepingParts(yaml: text)
        return (result, root)
    }

    /// Also returns what was read before the checks between elements
    /// (`PlanReadParts`), so an edit of one task can re-read that task alone
    /// and check the whole plan again (`PlanDocument+TaskReread`).
    static func loadKeepingParts(yaml text: String) -> (result: Result, root: Node?, parts: PlanReadParts?) {
        let root: Node
        do {
            // Yams hands libyaml the text as UTF-8 without letting it skip a
            // byte order mark, which then reads as part of the first key; skip
            // it here (marks on line 1 then count from after it, as
            // `YAMLLineBreaks` does).
            let yaml = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
            // The basic resolver gives every plain scalar the tag `str`: the
            // reader reads numbers, dates and booleans from the text itself
            // (with its own errors), so the default resolver's regular
            // expressions were pure cost, and Yams runs them for every key of
            // every mapping when it hashes keys to refuse duplicates (a fifth
            // of an edit key's time on a 1,000-task plan, `deck-bench edit`).
            guard let composed = try Yams.compose(yaml: yaml, .basic) else {
                let sink = DiagnosticSink()
                sink.error(.start, Phrase.checkPlanEmpty.text("campaign"))
                return (Result(plan: nil, diagnostics: sink.diagnostics), nil, nil)
            }
            root = composed
        } catch {
            let sink = DiagnosticSink()
            let (location, message) = describeYAMLError(error, text: text)
            sink.error(location, message)
            return (Result(plan: nil, diagnostics: sink.diagnostics), nil, nil)
        }
        let (result, parts) = read(root)
        return (result, root, parts)
    }

    private static func read(_ root: Node) -> (Result, PlanReadParts?) {
        let sink = DiagnosticSink()
        sink.explicitTags = YAMLTags.check(root, sink: sink)
        let planWhat = Phrase.checkNounPlan.text()
        guard let top = YAMLFields(root, what: planWhat, allowed: topLevelKeys, sink: sink) else {
            return (Result(plan: nil, diagnostics: sink.diagnostics), nil)
        }
        let reader = PlanNodeReader(sink: sink)
        var campaign: Campaign?
        var campaignIsComplete = false
        if let campaignNode = top.value("campaign") {
            if let (read, isComplete) = reader.campaign(campaignNode) {
                campaign = read
                campaignIsComplete = isComplete
            }
        } else {
            sink.error(top.location, Phrase.checkPlanNeedsCampaign.text("campaign", "id", "name", "start", "budget"))
        }
        // Without a usable campaign the rest is still read and checked against a
        // stand-in, so one run reports every problem; no plan is returned then.
        var plan = Plan(campaign: campaign ?? Campaign.standIn)
        plan.budgetLines = top.list("budget_lines", what: planWhat).compactMap(reader.budgetLine)
        plan.channels = top.list("channels", what: planWhat).compactMap(reader.channel)
        plan.segments = top.list("segments", what: planWhat).compactMap(reader.segment)
        plan.phases = top.list("phases", what: planWhat).compactMap(reader.phase)
        plan.tasks = top.list("tasks", what: planWhat).compactMap(reader.task)
        var declaredNotify: [NotifyReference] = []
        readSections(sectionsAfterTasks, of: top, reader: reader, into: &plan, declaredNotify: &declaredNotify)
        let parts = PlanReadParts(plan: plan, campaignIsComplete: campaignIsComplete, readDiagnostics: sink.diagnostics,
                                  declaredNotify: declaredNotify)
        return (checked(parts), parts)
    }

    /// The sections read after the tasks, in the order read. Nothing in the
    /// tasks is read from them, and they read nothing from the tasks (targets
    /// only the campaign's benchmarks), so an edit of the tasks that moves
    /// their lines can read them again alone (`PlanDocument+TrailingSections`).
    static let sectionsAfterTasks = ["alerts", "notify", "notify_policy", "lifecycle", "tags", "tiers", "targets", "sources"]

    /// Reads `keys` (of `sectionsAfterTasks`, in that order) into `plan`, each
    /// from its default: the one reading both a whole read and a re-read use.
    static func readSections(_ keys: [String], of top: YAMLFields, reader: PlanNodeReader, into plan: inout Plan,
                             declaredNotify: inout [NotifyReference]) {
        let planWhat = Phrase.checkNounPlan.text()
        let blank = Plan(campaign: plan.campaign)
        for key in keys {
            switch key {
            case "alerts": plan.alerts = top.list("alerts", what: planWhat).compactMap(reader.alert)
            case "notify":
                let notifyNodes = top.list("notify", what: planWhat)
                plan.notify = notifyNodes.compactMap(reader.notifyChannel)
                declaredNotify = notifyNodes.compactMap(reader.declaredID)
            case "notify_policy":
                plan.notifyPolicy = top.value("notify_policy").map(reader.notifyPolicy) ?? blank.notifyPolicy
            case "lifecycle":
                (plan.lifecycle, plan.lifecycleFields) = (blank.lifecycle, blank.lifecycleFields)
                if let lifecycle = top.value("lifecycle").flatMap(reader.lifecycle) {
                    (plan.lifecycle, plan.lifecycleFields) = (lifecycle.0, lifecycle.1)
                }
            case "tags": plan.tags = top.list("tags", what: planWhat).compactMap(reader.tag)
            case "tiers": plan.tiers = top.list("tiers", what: planWhat).compactMap(reader.tier)
            case "targets": plan.targets = reader.targets(top.list("targets", what: planWhat), benchmarks: plan.campaign.benchmarks)
            case "sources": plan.sources = reader.reportSources(top.list("sources", what: planWhat))
            default: preconditionFailure("not a section read after the tasks: \(key)")
            }
        }
    }

    /// What was read, checked between elements: the one place both a whole
    /// read and a re-read of edited tasks end, so both report the same.
    static func checked(_ parts: PlanReadParts) -> Result {
        var diagnostics = parts.readDiagnostics
        let (checks, schedule) = PlanValidator.validateKeepingSchedule(parts.plan, campaignIsComplete: parts.campaignIsComplete)
        diagnostics += checks
        // Against every channel written, broken ones included, so a channel with
        // a bad value is not also reported as unknown where rules name it.
        diagnostics += PlanNotifyChecks.check(parts.plan, declared: parts.declaredNotify)
        return Result(plan: parts.campaignIsComplete ? parts.plan : nil, diagnostics: diagnostics.sortedByLocation,
                      schedule: parts.campaignIsComplete ? schedule : nil)
    }

    /// Turns a Yams/libyaml error into a position and a sentence (the config file's reader uses it too).
    public static func describeYAMLError(_ error: Error, text: String) -> (SourceLocation, String) {
        guard let yamlError = error as? YamlError else { return (.start, Phrase.checkNotYAML.text(error)) }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let location = SourceLocation(line: mark.line, column: mark.column)
            let contextText = context.map { Phrase.checkYAMLContext.text($0.text) } ?? ""
            return (location, Phrase.checkNotYAML.text(problem + contextText))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams refuses the whole document and names only the first copy;
            // point at the second, which is the one to delete or rename.
            let key = duplicates.first ?? "?"
            let first = SourceLocation(line: context.mark.line, column: context.mark.column)
            let second = repeatedKeyLocation(key, after: first, in: text) ?? first
            return (second, Phrase.checkDuplicateKey.text(key, first.line))
        case .reader(let problem, let offset, _, _):
            return (.start, Phrase.checkNotUTF8.text(problem, offset.map { Phrase.checkAtByte.text($0) } ?? "", "UTF-8"))
        default:
            return (.start, Phrase.checkNotYAML.text(yamlError))
        }
    }

    /// The next line after `first` that starts the same key at the same column.
    static func repeatedKeyLocation(_ key: String, after first: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= first.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
            if rest.hasPrefix(key + ":") { return SourceLocation(line: index + 1, column: first.column) }
        }
        return nil
    }
}
