import CampaignText
import Yams

/// Reading the plan's `notify:` channels and `notify_policy:`.
extension PlanNodeReader {
    func notifyChannel(_ node: Node) -> NotifyChannel? {
        let what = YAMLFields.describe(.notifyChannel, node)
        guard let fields = YAMLFields(node, what: what, allowed: ["id", "kind", "url", "secret", "severity", "mention"],
                                      sink: sink),
              let id = fields.string("id", required: true, what: what) else { return nil }
        let kind = fields.choice("kind", as: NotifyChannel.Kind.self, what: what)
        if !fields.has("kind") { sink.error(fields.location, Phrase.checkNeedsKind.text(what, "kind", NotifyChannel.Kind.allCases.map(\.rawValue).joined(separator: Phrase.checkListSeparator.text()))) }
        if !fields.has("url") { sink.error(fields.location, Phrase.checkNeedsURL.text(what, "url", "${WECOM_WEBHOOK}")) }
        let url = environmentText("url", in: fields, what: what)
        if let kind, !kind.signs, fields.has("secret") {
            sink.error(fields.location(of: "secret"), Phrase.checkSecretUnused.text("secret", what, "dingtalk", "feishu", kind.rawValue))
        }
        // An address read from the environment is checked where it is known (`PlanNotifyChecks.environment`).
        if let url, url.variables.isEmpty, let problem = PlanNotifyChecks.addressProblem(url.written) {
            sink.error(fields.location(of: "url"), Phrase.checkURLProblem.text("url", what, problem))
        }
        let secret = environmentText("secret", in: fields, what: what)
        var severities: Set<AlertRule.Severity>?
        if fields.has("severity") {
            var chosen = Set<AlertRule.Severity>()
            for item in fields.stringList("severity", what: what) {
                if let severity = AlertRule.Severity(rawValue: item.text) {
                    chosen.insert(severity)
                } else {
                    let names = AlertRule.Severity.allCases.map(\.rawValue)
                    sink.error(item.location, Phrase.checkSeverityUnknown.text("severity", what, item.text, names.joined(separator: Phrase.checkListSeparator.text()), Suggestion.hint(for: item.text, among: names)))
                }
            }
            severities = chosen
        }
        let mentionItems = fields.stringList("mention", what: what)
        if let kind { checkMentions(mentionItems, kind: kind, in: fields, what: what) }
        let mentions = mentionItems.map(\.text)
        guard let kind, let url else { return nil }
        return NotifyChannel(fields: locations(fields), id: id, kind: kind, url: url, secret: secret,
                             severities: severities, mentions: mentions)
    }

    /// DingTalk's `at.atMobiles` takes phone numbers, Feishu's `<at id=…>` open
    /// ids (or `all`); anything else would mention nobody, or break the card's
    /// markup. WeCom takes phone numbers and user ids alike; a webhook no one.
    private func checkMentions(_ items: [(text: String, location: SourceLocation)], kind: NotifyChannel.Kind,
                               in fields: YAMLFields, what: String) {
        switch kind {
        case .webhook:
            if fields.has("mention") {
                sink.error(fields.location(of: "mention"), Phrase.checkMentionWebhook.text("mention", what, "webhook"))
            }
        case .dingtalk:
            for item in items where !NotifyChannel.isPhoneNumber(item.text) {
                sink.error(item.location, Phrase.checkMentionDingTalk.text("mention", what, item.text))
            }
        case .feishu:
            for item in items where item.text.isEmpty || !item.text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                sink.error(item.location, Phrase.checkMentionFeishu.text("mention", what, item.text, "ou_", "all"))
            }
        case .wecom:
            break
        }
    }

    /// The `id` a list item declares and where, read without reporting
    /// anything (the item's own reading reports its problems).
    func declaredID(_ node: Node) -> NotifyReference? {
        guard case .mapping(let mapping) = node,
              let value = mapping.first(where: { $0.key.string == "id" })?.value,
              case .scalar(let scalar) = value, !scalar.string.isEmpty else { return nil }
        return NotifyReference(id: scalar.string, location: value.location)
    }

    /// A text value in which `${NAME}` reads the environment; a malformed
    /// `${` is reported at its own column.
    private func environmentText(_ key: String, in fields: YAMLFields, what: String) -> EnvironmentText? {
        guard let text = fields.string(key, what: what) else { return nil }
        do {
            return try EnvironmentText(parsing: text)
        } catch {
            let start = fields.textStart(key) ?? fields.location(of: key)
            sink.error(start.advanced(byColumns: error.offset), Phrase.checkEnvironmentText.text(key, what, error.message))
            return nil
        }
    }

    func notifyPolicy(_ node: Node) -> NotifyPolicy {
        let what = Phrase.checkNounSection.text("notify_policy")
        var policy = NotifyPolicy.standard
        guard let fields = YAMLFields(node, what: what, allowed: [
            "group_wait", "repeat_interval", "send_resolved", "quiet_hours", "max_age",
        ], sink: sink) else { return policy }
        func duration(_ key: String, allowsZero: Bool) -> Int? {
            guard let text = fields.string(key, what: what) else { return nil }
            guard let seconds = DurationText.seconds(text) else {
                sink.error(fields.location(of: key), Phrase.checkDurationMalformed.text(key, what, text))
                return nil
            }
            if seconds == 0 && !allowsZero {
                sink.error(fields.location(of: key), Phrase.checkDurationZero.text(key, what))
                return nil
            }
            if seconds > PlanLimits.maximumSpanSeconds {
                sink.error(fields.location(of: key), Phrase.checkDurationTooLong.text(key, what, PlanLimits.maximumSpanDays, text))
                return nil
            }
            return seconds
        }
        if let seconds = duration("group_wait", allowsZero: true) { policy.groupWaitSeconds = seconds }
        if let seconds = duration("repeat_interval", allowsZero: false) { policy.repeatIntervalSeconds = seconds }
        if let seconds = duration("max_age", allowsZero: false) { policy.maxAgeSeconds = seconds }
        if let send = fields.bool("send_resolved", what: what) { policy.sendResolved = send }
        if let text = fields.string("quiet_hours", what: what) {
            if let hours = QuietHours(text) {
                policy.quietHours = hours
            } else {
                sink.error(fields.location(of: "quiet_hours"), Phrase.checkQuietHoursMalformed.text("quiet_hours", what, text))
            }
        }
        return policy
    }
}
