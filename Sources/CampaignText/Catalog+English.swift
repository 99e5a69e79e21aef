extension Phrase {
    /// The English catalog.
    var english: String {
        switch self {
        // MARK: Pane titles
        case .paneSegments: return "Segments"
        case .paneGantt: return "Gantt"
        case .paneKPIs: return "KPIs"
        case .paneAnomalies: return "Anomaly log"

        // MARK: Header bar
        case .headerBurn: return "burn {1}"
        case .headerPacing: return "pacing {1}"
        case .streamCatchingUp: return "⏩ catching up"
        case .streamLive: return "● live ×{1}"
        case .streamPaused: return "❚❚ paused"
        case .streamReplay: return "▶ replay ×{1}"
        case .streamEnded: return "■ stream ended"
        case .eventsPerSecond: return "{1} ev/s"
        case .headerUnsaved: return "✎ unsaved"
        case .campaignStarts: return "starts {1}"
        case .campaignEnded: return "ended {1}"
        case .campaignDay: return "day {1}/{2}"

        // MARK: Pane frames and cells
        case .paneNoMatch: return "no rows match /{1}"
        case .stateOK: return "✓ ok"
        case .statePending: return "◔ pending"
        case .stateFiring: return "▲ FIRING"
        case .stateNoData: return "· no data"

        // MARK: Anomaly log pane
        case .anomaliesOpenCount: return "{1} open"
        case .anomalyHeadOpened: return "OPENED"
        case .anomalyHeadWhat: return "WHAT"
        case .anomalyHeadValue: return "VALUE"
        case .anomalyHeadStatus: return "STATUS"
        case .anomalyHeadOwner: return "OWNER"
        case .anomaliesEmpty: return "no anomalies: every rule is quiet"
        case .anomalyNoneSelected: return "no anomaly selected"
        case .anomalyAcknowledged: return "#{1} acknowledged"
        case .anomalyReopened: return "#{1} reopened: its resolution is undone"
        case .anomalyNotResolved: return "#{1} is not resolved: there is nothing to reopen"
        case .anomalyAlreadyResolved: return "#{1} is resolved already"
        case .anomalyAlreadyResolvedReopenKey: return "#{1} is resolved already; {2} reopens it"

        // MARK: Gantt pane
        case .ganttDays: return "days"
        case .ganttWeeks: return "weeks"
        case .ganttNoTasks: return "no tasks in this plan"
        case .ganttCannotSchedule: return "the plan cannot be scheduled"
        case .ganttNoTaskSelected: return "no task selected"
        case .ganttAtPlanStart: return "the chart already starts with the plan"
        case .ganttAtPlanEnd: return "the chart already ends with the plan"
        case .ganttNoDependencies: return "no dependencies"
        case .ganttWaitsForNothing: return "{1} waits for nothing"
        case .ganttAfter: return "after {1}"
        case .ganttFloat: return "float {1}d"
        case .ganttCriticalOne: return "critical: {1}"
        case .ganttCriticalOf: return "critical {1}/{2}: {3}"

        // MARK: KPI pane
        case .kpiPerChannel: return "per channel"
        case .kpiPerSegment: return "per segment"
        case .kpiWaiting: return "waiting for events…"
        case .kpiHeadKey: return "KEY"
        case .kpiHeadInterval: return "95% CI"
        case .kpiHeadState: return "STATE"
        case .kpiHeadThreshold: return "THRESHOLD"
        case .kpiWindowHours: return "last {1} h"
        case .kpiWindowMinutes: return "last {1} min"
        case .kpiWindowEventDay: return "event day"
        case .kpiWindowToDate: return "campaign to date"
        case .kpiTagToDate: return "to date"
        case .kpiHeadParticipation: return "PART"
        case .kpiHeadBurn: return "BURN"
        case .kpiHeadSpend: return "SPEND {1}"
        case .kpiNoAlertRules: return "the plan has no alert rules"

        // MARK: Segments pane
        case .segmentHeadName: return "SEGMENT"
        case .segmentHeadSize: return "SIZE"
        case .segmentHeadShare: return "SHARE"
        case .segmentHeadBudget: return "BUDGET"
        case .segmentHeadBudgetShort: return "BUDG"
        case .segmentHeadGoal: return "GOAL"
        case .segmentsNone: return "no segments in this plan"
        case .segmentNoneSelected: return "no segment selected"

        // MARK: Key help (the ? overlay): one per binding id
        case .keyNextPane: return "next pane"
        case .keyPreviousPane: return "previous pane"
        case .keyFocusSegments: return "focus Segments"
        case .keyFocusGantt: return "focus Gantt"
        case .keyFocusKpis: return "focus KPIs"
        case .keyFocusAnomalies: return "focus Anomaly log"
        case .keyMoveUp: return "move up"
        case .keyMoveDown: return "move down"
        case .keyPageUp: return "page up"
        case .keyPageDown: return "page down"
        case .keyFirstRow: return "first row"
        case .keyLastRow: return "last row"
        case .keyOpen: return "open the selected item"
        case .keyBack: return "close / back"
        case .keyZoom: return "zoom the focused pane"
        case .keyTogglePause: return "pause / resume the stream"
        case .keyFaster: return "replay faster"
        case .keySlower: return "replay slower"
        case .keyNextTheme: return "next theme"
        case .keyUndo: return "undo the last plan edit"
        case .keyRedo: return "redo"
        case .keySave: return "save the plan (atomic, minimal diff)"
        case .keySortNextColumn: return "sort the table by the next column"
        case .keySortPreviousColumn: return "sort the table by the previous column"
        case .keyReverseSort: return "reverse the table's sort"
        case .keyCopy: return "copy the selected row or the open card (OSC 52 clipboard, over SSH too)"
        case .keyStartWalkthrough: return "stand-up walkthrough"
        case .keyFilter: return "filter the focused pane's rows"
        case .keyCommandLine: return "command line (:help lists commands)"
        case .keyHelp: return "show every key and command"
        case .keyQuit: return "quit"
        case .keyScrollEarlier: return "scroll earlier"
        case .keyScrollLater: return "scroll later"
        case .keyGanttDays: return "days axis"
        case .keyGanttWeeks: return "weeks axis"
        case .keyGanttToday: return "scroll to today"
        case .keyTaskCard: return "open the task's card"
        case .keyMoveTaskEarlier: return "move the task a day earlier"
        case .keyMoveTaskLater: return "move the task a day later"
        case .keyMoveTaskWeekEarlier: return "move the task a week earlier"
        case .keyMoveTaskWeekLater: return "move the task a week later"
        case .keyShortenTask: return "shorten the task by a day"
        case .keyStretchTask: return "stretch the task by a day"
        case .keyEditTaskOwner: return "change the task's owner"
        case .keyEditTaskProgress: return "set the task's progress"
        case .keyToggleTaskDone: return "mark the task done / not done"
        case .keyAddTask: return "add a task after this one"
        case .keyDuplicateTask: return "duplicate the task"
        case .keyDeleteTask: return "delete the task (dependants rewired)"
        case .keyAddDependency: return "add a dependency (waits for…)"
        case .keyRemoveDependency: return "remove a dependency"
        case .keyAcknowledgeAnomaly: return "acknowledge"
        case .keyAssignAnomalyOwner: return "assign an owner"
        case .keyAddAnomalyNote: return "add a note"
        case .keyResolveAnomaly: return "resolve: cause, action, then confirm"
        case .keyReopenAnomaly: return "reopen (undo a resolution)"
        case .keyEditSegmentRule: return "edit the segment's rule"
        case .keyRenameSegment: return "rename the segment"
        case .keyEditSegmentPersona: return "edit the persona's traits"
        case .keyEditSegmentBudgetShare: return "set the budget share"
        case .keyToggleKpiGrouping: return "per channel / per segment"
        case .keyOpenAlertEditor: return "edit the alert rules"
        case .keySilence: return "silence the row's rule: how long, then why (a KPI row: its firing rule, else pick)"
        case .keyEditAlertThreshold: return "edit the threshold"
        case .keyEditAlertFor: return "edit 'for' (how long before firing)"
        case .keyEditAlertMinVolume: return "edit min_volume"
        case .keyHelpScrollDown: return "scroll down a line"
        case .keyHelpScrollUp: return "scroll up a line"
        case .keyHelpPageDown: return "scroll down a page"
        case .keyHelpPageUp: return "scroll up a page"
        case .keyHelpTop: return "the top"
        case .keyHelpEnd: return "the end: what the symbols mean"
        case .keyNextStep: return "next agenda item"
        case .keyPreviousStep: return "previous agenda item"

        // MARK: Key hints (the footer): short
        case .hintNextPane: return "pane"
        case .hintOpen: return "open"
        case .hintZoom: return "zoom"
        case .hintTogglePause: return "pause"
        case .hintUndo: return "undo"
        case .hintSave: return "save"
        case .hintStartWalkthrough: return "stand-up"
        case .hintFilter: return "filter"
        case .hintCommandLine: return "command"
        case .hintHelp: return "help"
        case .hintQuit: return "quit"
        case .hintScrollEarlier: return "scroll"
        case .hintGanttDays: return "days"
        case .hintGanttWeeks: return "weeks"
        case .hintGanttToday: return "today"
        case .hintMoveTaskEarlier: return "move"
        case .hintStretchTask: return "stretch"
        case .hintEditTaskOwner: return "owner"
        case .hintToggleTaskDone: return "done"
        case .hintAddTask: return "add"
        case .hintAddDependency: return "dep"
        case .hintAcknowledgeAnomaly: return "ack"
        case .hintAssignAnomalyOwner: return "owner"
        case .hintAddAnomalyNote: return "note"
        case .hintResolveAnomaly: return "resolve"
        case .hintReopenAnomaly: return "reopen"
        case .hintEditSegmentRule: return "rule"
        case .hintRenameSegment: return "name"
        case .hintEditSegmentBudgetShare: return "share"
        case .hintToggleKpiGrouping: return "by"
        case .hintOpenAlertEditor: return "alerts"
        case .hintSilence: return "silence"
        case .hintEditAlertThreshold: return "threshold"
        case .hintEditAlertFor: return "for"
        case .hintEditAlertMinVolume: return "volume"
        case .hintHelpScrollDown: return "scroll"
        case .hintHelpPageDown: return "page"
        case .hintHelpEnd: return "symbols"
        case .hintNextStep: return "next"
        case .hintPreviousStep: return "previous"
        case .hintClose: return "close"

        // MARK: Keyed views in the help
        case .viewHelp: return "This help ({1})"
        case .viewAlertEditor: return "Alert editor ({1} in KPIs)"
        case .viewWalkthrough: return "Stand-up walkthrough ({1})"

        // MARK: The ? help
        case .helpTitle: return "Keys"
        case .helpIntro: return "{1} or {2} closes this · the symbols are explained at the end ({3})"
        case .helpCommandsTitle: return "Commands (type : first)"
        case .helpEverywhere: return "Everywhere"
        case .helpLinesAbove: return "↑ {1} more"
        case .helpLinesBelow: return "↓ {1} more"

        // MARK: The symbols legend
        case .legendTitle: return "What the symbols mean"
        case .legendDay: return "header: the campaign's day 5 of its 42"
        case .legendBurn: return "share of the whole budget spent so far"
        case .legendPacing: return "spend against time: 1.00 spends on plan, above 1 faster, below 1 slower"
        case .legendLive: return "following the stream, at its speed (×60: replayed 60 times faster)"
        case .legendReplay: return "replaying a finished stream"
        case .legendCatchingUp: return "catching up with events already written"
        case .legendPaused: return "the stream is paused (p resumes); no event rate is shown"
        case .legendEnded: return "the stream has ended"
        case .legendRate: return "events read per second"
        case .legendUnsaved: return "the plan has edits not yet saved (Ctrl-S saves)"
        case .legendSelected: return "on a pane's left border, in reverse video: the selected row"
        case .legendFocused: return "a heavy border: the focused pane, where keys go"
        case .legendCut: return "text cut to fit (z zooms the pane)"
        case .legendNoValue: return "no value yet"
        case .legendGoalBar: return "segments: how much of the goal is reached (full at 100%)"
        case .legendGoalOver: return "more than 999% of the goal"
        case .legendPhase: return "gantt: a phase, its tasks below it"
        case .legendBar: return "a task's bar, from its start to its finish"
        case .legendDone: return "the part of a bar already done (the task's progress)"
        case .legendMilestone: return "a milestone"
        case .legendToday: return "today"
        case .legendCritical: return "on the critical path: a day late here is a day late at the end"
        case .legendLate: return "before a task: late, it should have finished by today"
        case .legendWaitedFor: return "the selected task waits for this one"
        case .legendWaiting: return "this task waits for the selected one"
        case .legendOffScreen: return "the bar is off screen, earlier / later (h and l scroll)"
        case .legendBreach: return "KPIs: an alert rule on this value is pending or firing"
        case .legendOtherWindow: return "a rule judged over another window than the pane's: its own value and window"
        case .legendInterval: return "95% CI: the rate is likely between these bounds (Wilson interval)"
        case .legendOK: return "every rule on the row is quiet"
        case .legendPending: return "a rule is breached and waits out its 'for' time before firing"
        case .legendFiring: return "a rule has fired: its anomaly is in the log"
        case .legendNoData: return "too few events to judge"
        case .legendSparkline: return "CTR hour by hour, low to high; a gap where there was no data"
        case .legendSilenced: return "anomalies: its rule is silenced (S); the card says until when"
        case .legendRecovered: return "anomalies: still open, but the value is back to normal"
        case .legendSymbolDay: return "day 5/42"
        case .legendSymbolOtherWindow: return "66.7 day!"

        // MARK: Counts
        case .oneDay: return "1 day"
        case .manyDays: return "{1} days"

        // MARK: Cards in general
        case .cardEscCloses: return "{1} closes"
        case .noneValue: return "none"

        // MARK: Task card
        case .taskCardTitle: return "Task"
        case .taskUnscheduled: return "not scheduled: the plan cannot be scheduled"
        case .taskGone: return "task {1} is no longer in the plan"
        case .taskPhase: return "Phase: {1}"
        case .taskMilestoneDate: return "Milestone: {1}"
        case .taskDates: return "Dates: {1} → {2} ({3})"
        case .taskFloatCritical: return "Float: 0 days, on the critical path (any slip moves the end)"
        case .taskFloat: return "Float: {1} (may start as late as {2}, finish by {3})"
        case .taskPinConflict: return "Pinned to {1}, but {2} allows {3} at the earliest"
        case .taskCriticalOne: return "Critical path: {1}"
        case .taskCriticalOf: return "Critical path {1}/{2}: {3}"
        case .taskOwner: return "Owner: {1}"
        case .taskWaitsForNothing: return "Waits for: nothing"
        case .taskWaitsFor: return "Waits for:"
        case .taskWaitsForLine: return "{1} {2} {3}, finishes {4}"
        case .taskWaitedForNothing: return "Waited for by: nothing"
        case .taskWaitedFor: return "Waited for by:"
        case .taskWaitedForLine: return "{1} {2} {3}, starts {4}"
        case .taskRisk: return "Risk: {1}"
        case .taskMitigation: return "Mitigation: {1}"
        case .taskBudget: return "Budget: {1}"
        case .taskBudgetLine: return "{1} · line {2} ({3}, {4})"
        case .taskBudgetLineUnknown: return "{1} · line {2} (not among the plan's budget lines)"
        case .taskProgress: return "Progress: {1}"
        case .taskProgressLate: return "Progress: {1} · late by {2}"

        // MARK: Persona card
        case .personaTitle: return "Persona"
        case .personaWho: return "Who: {1}"
        case .personaPainPoints: return "Pain points: {1}"
        case .personaReachVia: return "Reach via: {1}"
        case .personaRule: return "Rule: {1}"
        case .personaBudgetShare: return "Budget share: {1}"
        case .personaCustomers: return "Customers: {1}"
        case .personaGoal: return "Goal: {1} {2}"
        case .personaGoalNoData: return "no data"
        case .personaGoalOf: return "{1} of {2}"
        case .personaGoalTooLittle: return "{1}, too little data (min {2})"
        case .personaGoalBy: return "{1} by {2}"

        // MARK: Anomaly card
        case .anomalyCardTitle: return "Anomaly"
        case .anomalyCardOpened: return "Opened {1} · {2} · {3}"
        case .anomalyCardRecovered: return "{1} · recovered"
        case .anomalyCardOwner: return "Owner: {1}"
        case .anomalyCardNobody: return "nobody yet"
        case .hintCloseEsc: return "{1} close"

        // MARK: Resolution
        case .resolveTitle: return "Resolve #{1}"
        case .resolveCauseLabel: return "Cause:"
        case .resolveActionLabel: return "Action:"
        case .resolveNotGiven: return "(not given)"
        case .resolveAskCause: return "What caused it? (Enter with nothing: not known yet)"
        case .resolveAskAction: return "What was done about it? (Enter with nothing: nothing yet)"
        case .resolveConfirmQuestion: return "Resolve it with this cause and action?"
        case .resolveTypingKeys: return "Enter next · Esc cancels (nothing is written)"
        case .resolveConfirmKeys: return "y resolve · e edit · Esc cancel (nothing is written)"
        case .hintResolve: return "resolve"
        case .hintEdit: return "edit"
        case .hintCancel: return "cancel"
        case .hintNext: return "next"
        case .resolveCancelled: return "#{1} not resolved: nothing was written"
        case .resolveRemind: return "resolve #{1}? y resolve · e edit · Esc cancel"
        case .resolveDone: return "#{1} resolved"
        case .resolveDoneReopenKey: return "#{1} resolved · {2} reopens it if that was a mistake"

        // MARK: Anomaly status and severity words
        case .statusOpen: return "open"
        case .statusAcknowledged: return "acknowledged"
        case .statusResolved: return "resolved"
        case .severityInfo: return "info"
        case .severityWarning: return "warning"
        case .severityCritical: return "critical"

        // MARK: Confirmations
        case .confirmUnsavedTitle: return "Unsaved edits"
        case .confirmChangedTitle: return "The plan changed on disk"
        case .confirmDeletedTitle: return "The plan file is gone"
        case .confirmReloadedTitle: return "The file holds their version"
        case .confirmUnsavedBody: return "The plan has edits that are not saved."
        case .confirmUnsavedSave: return "s  save, then quit"
        case .confirmUnsavedDiscard: return "d  discard the edits and quit"
        case .confirmKeepEditing: return "Esc  keep editing"
        case .confirmChangedBody: return "{1} was changed by someone else since it was loaded."
        case .confirmChangedWarning: return "Saving now would overwrite their changes."
        case .confirmChangedOverwrite: return "o  overwrite it with this version"
        case .confirmChangedReload: return "r  reload theirs (u brings yours back)"
        case .confirmDontSave: return "Esc  don't save (your edits stay here, unsaved)"
        case .confirmDeletedBody: return "{1} was deleted or moved away since it was loaded."
        case .confirmDeletedWrite: return "o  write this version there again"
        case .confirmDeletedDontSave: return "Esc  don't save (your edits stay here, unsaved;"
        case .confirmDeletedSaveAs: return ":w PATH saves them under another name)"
        case .confirmReloadedBody: return "The file holds the version reloaded from disk (someone else's changes)."
        case .confirmReloadedOlder: return "This version is from before that reload:"
        case .confirmReloadedWarning: return "saving it now would overwrite their changes."
        case .confirmReloadedOverwrite: return "o  overwrite their version with this one"
        case .confirmReloadedDontSave: return "Esc  don't save (Ctrl-R brings their version back)"
        case .hintSaveAndQuit: return "save & quit"
        case .hintDiscardAndQuit: return "discard & quit"
        case .hintOverwrite: return "overwrite"
        case .hintReloadTheirs: return "reload theirs"
        case .hintWriteAgain: return "write it again"
        case .hintOverwriteTheirs: return "overwrite theirs"
        case .confirmStillHere: return "still here; {1} saves"
        case .confirmNotSaved: return "not saved; your edits are kept ({1} undoes them)"
        case .confirmReloading: return "reloading…"
        case .hintEscCancel: return "Esc cancel"

        // MARK: Prompts
        case .promptCancelled: return "cancelled"
        case .hintApply: return "apply"
        case .promptAnomalyOwner: return "Owner for #{1}"
        case .promptAnomalyNote: return "Note for #{1}"
        case .promptTaskOwner: return "Owner of {1}"
        case .promptTaskProgress: return "Progress of {1} (0-100% or 0-1)"
        case .promptNewTask: return "New task after {1}: a name, or an id and a name"
        case .promptAddDependency: return "{1} waits for (a task's id or name)"
        case .promptRemoveDependency: return "{1} no longer waits for (a task's id or name)"
        case .promptSegment: return "Segment {1}: {2}"
        case .promptAlert: return "Alert {1}: {2}"
        case .promptSaveAs: return "Save the plan as (a new file)"
        case .promptNothingEntered: return "nothing entered"
        case .promptAssigned: return "#{1} assigned to {2}"
        case .promptNoteAdded: return "note added to #{1}"
        case .promptColumnError: return "column {1}: {2}"
        case .promptValid: return "✓ valid"
        case .promptEditingKeys: return "Enter applies · Esc cancels · Ctrl-U clears"
        case .promptReplacingKeys: return "typing replaces it · ← → Home End edit it · Enter applies · Esc cancels"
        case .promptNewTaskHint: return "e.g. 验收检查 (an id is made for it) or qa-check 验收检查 (the id first)"
        case .promptAddDependencyHint: return "it starts after that task finishes; 'id+2d' adds two days"
        case .promptRemoveDependencyHint: return "waits for: {1}"
        case .promptSegmentRuleHint: return "fields: recency_days, frequency, monetary, aov, orders_30d…, r_score, f_score, m_score"
        case .promptSaveAsHint: return "the built-in demo has no file yet; an existing file is never replaced"
        case .promptSilenceRuleHint: return "several rules judge this row and none or several fire:"
        case .fieldName: return "name"
        case .fieldPersona: return "persona traits"
        case .fieldBudgetShare: return "budget share"
        case .fieldRule: return "rule"
        case .fieldThreshold: return "threshold"
        case .fieldFor: return "for"
        case .fieldMinVolume: return "min_volume"

        // MARK: Stand-up walkthrough
        case .standupDone: return "stand-up done"
        case .standupNoEvents: return "No events yet: the stand-up needs the stream's current day."
        case .standupPreparing: return "Preparing the agenda…"
        case .standupTitle: return "Stand-up"
        case .standupTitleOn: return "Stand-up {1}"
        case .standupNothing: return "Nothing here today."
        case .standupKeys: return "{1} next · {2} previous · {3} ends the stand-up"

        // MARK: Message log
        case .messagesTitle: return "Messages (newest last)"
        case .messagesEmpty: return "No messages yet."
        case .messagesKeys: return "j/k ↑/↓ PgUp/PgDn g/G scroll · Esc closes"
        case .hintScroll: return "scroll"
        case .hintNewest: return "newest"
        case .messagesPosition: return "{1} · lines {2}–{3} of {4}"

        // MARK: Alert editor
        case .alertEditorTitle: return "Alert rules"
        case .alertEditorKeys: return "{1}/{2} choose · {3} threshold · {4} for · {5} min_volume · {6} close · {7} undo"
        case .alertEditorLine: return "{1}. {2} — {3} {4} {5} {6} · {7} · for {8}m · min_volume {9}"

        // MARK: Alert scopes
        case .perCampaign: return "per campaign"
        case .perTotal: return "in total"

        // MARK: Alert rule words
        case .directionBelow: return "below"
        case .directionAbove: return "above"
        case .windowDayShort: return "day"

        // MARK: Window words in heads
        case .windowCampaignShort: return "campaign"

        // MARK: Silences in the dashboard
        case .silenceNoRow: return "no row selected"
        case .silenceNeedsDatabase: return "silences need a database: start the dashboard with --db PATH"
        case .silenceNoRule: return "no alert rule judges {1}: nothing to silence"
        case .silenceOpenedByHand: return "#{1} was opened by hand: no alert rule to silence"
        case .silencePickRule: return "type a rule's number, 1–{1}, or its name"
        case .silenceSilencing: return "silencing {1} for {2}…"
        case .silenceRuleTitle: return "Silence which rule on {1}? (its number)"
        case .silenceDurationTitle: return "Silence {1} for how long?"
        case .silenceCommentTitle: return "Why silence {1} for {2}?"
        case .silenceDurationHint: return "30m, 2h, 7d (at most 10 years): its messages are logged, not sent"
        case .silenceCommentHint: return "required: whoever sees the silence later reads why"
        case .silenceDone: return "silenced {1} until {2} (silence #{3})"
        case .silenceUntil: return "silenced until {1}"
        case .silenceCard: return "Silenced until {1} by {2} (silence #{3}): {4}"

        // MARK: Saving and reloading
        case .saveNotOverTheirs: return "not saved yet: the file holds the version reloaded from disk"
        case .saveElsewhere: return "{1} (:w PATH saves under another name)"
        case .saveNothing: return "nothing to save"
        case .saveSaving: return "saving…"
        case .saveNoFileName: return "not saved: no file name"
        case .saveSaved: return "saved {1}"
        case .saveChangedOnDisk: return "not saved: {1} changed on disk"
        case .saveGone: return "not saved: {1} is gone"
        case .saveFailed: return "not saved: {1}"
        case .reloadFailed: return "not reloaded: {1}"
        case .reloadHasErrors: return "not reloaded: the file on disk has errors (line {1}: {2})"
        case .reloadDone: return "reloaded from disk (u brings your version back)"

        // MARK: Global commands
        case .replaySpeed: return "replay ×{1}"
        case .themeSet: return "theme: {1}"
        case .copyNothing: return "nothing to copy here"
        case .copyDone: return "copied {1} ({2} characters) to the clipboard"
        case .copyDoneOne: return "copied {1} (1 character) to the clipboard"
        case .copyWhatCard: return "the card"
        case .copyWhatTask: return "task {1}"
        case .copyWhatRow: return "the selected row"
        case .streamResumed: return "stream resumed"
        case .streamHasEnded: return "the stream has ended"
        case .streamPausedMessage: return "stream paused (p resumes)"
        case .keyNoAction: return "{1}: no action here ({2} shows every key)"

        // MARK: Filtering
        case .filterMatches: return "{1}: {2} rows match /{3}"
        case .filterMatchesOne: return "{1}: 1 row matches /{2}"
        case .filterCleared: return "{1}: filter /{2} cleared"
        case .filterRows: return "{1} rows ·"
        case .filterRowsOne: return "1 row ·"
        case .filterKeys: return "Enter keeps · Esc cancels"

        // MARK: Sorting
        case .sortNoColumns: return "the {1} pane has no columns to sort"
        case .sortNotYet: return "not sorted yet: < and > choose a column"
        case .sortedBy: return "sorted by {1} {2} (I reverses)"
        case .sortOwnOrder: return "in the pane's own order"

        // MARK: Plan editing
        case .editNotHere: return "this plan cannot be edited here"
        case .undoNothing: return "nothing to undo"
        case .undoDone: return "undid: {1}"
        case .redoNothing: return "nothing to redo"
        case .redoDone: return "redid: {1}"
        case .editUndoes: return "{1} (u undoes)"

        // MARK: KPI rows
        case .kpiRowTotal: return "total"

        // MARK: Stand-up agenda (dashboard walkthrough and `standup`)
        case .standupHeading: return "Stand-up {1} · {2}"
        case .standupNone: return "None."
        case .standupUnassigned: return "unassigned"
        case .standupNew: return "new"
        case .standupAnomaliesTitle: return "Anomalies since yesterday"
        case .standupAnomalyItem: return "{1} [{2}] {3} — {4}, owner: {5}"
        case .standupMovesTitle: return "KPIs that moved most ({1} vs {2})"
        case .standupDueTitle: return "Due today"
        case .standupDueItem: return "{1} {2} ({3}), progress {4}"
        case .standupNoOwner: return "no owner"
        case .standupLateTitle: return "Late"
        case .standupLateItem: return "{1} {2} ({3}), {4} late"
        case .standupCriticalPath: return "critical path"
        case .standupBlocks: return "blocks: {1}"
        case .standupRiskTitle: return "Goals at risk"
        case .standupRiskItem: return "{1} {2}: {3} achieved with {4} of the time to {5} gone"

        // MARK: Alert values
        case .alertValueThreshold: return "{1} (threshold {2})"

        // MARK: Anomaly timelines (card and `anomalies show`)
        case .timelineEvent: return "event"
        case .timelineWall: return "wall"
        case .timelineLegend: return "event = the stream's time, wall = when a person acted"
        case .timelineTitle: return "Timeline ({1}):"
        case .anomalyRecoveredAt: return "Recovered {1} event time"
        case .anomalyCause: return "Cause: {1}"
        case .anomalyAction: return "Action: {1}"

        // MARK: Live side messages
        case .liveActionFailed: return "{1} failed: {2}"
        case .liveNoAnomalyLog: return "{1} failed: this dashboard has no anomaly log"
        case .liveAcknowledging: return "acknowledging anomaly {1}"
        case .liveAssigning: return "assigning anomaly {1}"
        case .liveNoting: return "adding a note to anomaly {1}"
        case .liveResolving: return "resolving anomaly {1}"
        case .liveReopening: return "reopening anomaly {1}"
        case .liveSilencingFailed: return "silencing {1} failed: {2}"
        case .liveRecordingFailed: return "recording alerts failed: {1}"
        case .liveReadingLogFailed: return "reading the anomaly log failed: {1}"
        case .liveReadingSilencesFailed: return "reading the silences failed: {1}"
        case .liveAgendaNoAnomalies: return "the agenda lists no anomalies: reading the anomaly log failed: {1}"
        case .liveNoFileToSave: return "this plan has no file to save to"
        case .liveSaveUnavailable: return "saving is not available here"
        case .liveNoFile: return "this plan has no file"
        case .liveFileHasErrors: return "the file on disk has errors (line {1}: {2})"
        case .liveRejectedLines: return "{1} event lines rejected, {2} accepted (`campaign-deck kpi FILE` lists them)"
        case .liveRejectedLine: return "1 event line rejected, {1} accepted (`campaign-deck kpi FILE` lists them)"
        case .liveSegmentSizes: return "segment sizes unavailable: {1}"
        case .liveTransactionsRejected: return "{1}: {2} transaction rows rejected (`campaign-deck segment {1}` lists them)"
        case .liveCannotReadEvents: return "cannot read events: {1}"
        case .liveStoppedFollowing: return "stopped following: {1}"
        case .liveSimulatorUnreadable: return "the simulator's stream could not be read: {1}"
        case .liveCannotReadHistory: return "cannot read the stored history: {1} ({2})"

        // MARK: Robot messages (WeCom, DingTalk, Feishu, webhook text)
        case .robotFiring: return "🔴 FIRING"
        case .robotResolved: return "✅ RESOLVED"
        case .robotFooter: return "Campaign: {1} ({2}) · times in {3}"
        case .robotMoreNotShown: return "… {1} more not shown (`campaign-deck anomalies list`)"
        case .robotStateResolved: return "resolved"
        case .robotStateReminder: return "still firing, reminder {1}"
        case .robotStateFiring: return "firing"
        case .robotValueLine: return "{1}: **{2}** (threshold {3})"
        case .robotSince: return "since {1}"
        case .robotResolvedAt: return "{1} · resolved {2} · lasted {3}"
        case .robotAnomaly: return "anomaly #{1}"
        case .robotOwner: return "owner: {1}"

        // MARK: What a rule's scope is
        case .scopeChannel: return "channel"
        case .scopeSegment: return "segment"
        case .scopeCampaign: return "campaign"
        case .scopeTotal: return "total"

        // MARK: Results report (`report`)
        case .reportNoData: return "no data"
        case .reportHeadSegment: return "SEGMENT"
        case .reportHeadMetric: return "METRIC"
        case .reportHeadTarget: return "TARGET"
        case .reportHeadActual: return "ACTUAL"
        case .reportHeadAchieved: return "ACHIEVED"
        case .reportHeadBy: return "BY"
        case .reportHeadChannel: return "CHANNEL"
        case .reportHeadSpend: return "SPEND"
        case .reportHeadRevenue: return "REVENUE"
        case .reportHeadConversions: return "CONV"
        case .reportHeadVsBenchmark: return "VS BENCH"
        case .reportHeadUsers: return "USERS"
        case .reportHeadBudgetLine: return "BUDGET LINE"
        case .reportHeadName: return "NAME"
        case .reportHeadPlanned: return "PLANNED"
        case .reportHeadUsed: return "USED"
        case .reportHeadUsedShare: return "USED %"
        case .reportBenchmark: return "benchmark CPA {1}"
        case .reportNoBenchmark: return "no CPA benchmark"
        case .reportGoalsTitle: return "Segment goals"
        case .reportChannelsTitle: return "ROI, CPA ({1}) and CAC (spend / distinct converting users)"
        case .reportSegmentsTitle: return "ROI, CPA and CAC by segment"
        case .reportBudgetTitle: return "Budget used vs planned ({1})"
        case .reportResultsAsOf: return "Results as of {1}"
        case .reportNoEvents: return "no events"
        case .reportNone: return "(none)"

        // MARK: Key config
        case .keyNameControlCharacter: return "a control character cannot be written as a key; write its name ({1})"
        case .keyNameControlNeedsLetter: return "cannot read key '{1}': Ctrl goes with one letter a–z ({2})"
        case .keyNameControlAlias: return "cannot use key '{1}': the terminal sends it as {2}; write {2}"
        case .keyNameFunctionRange: return "cannot read key '{1}': function keys go from F1 to F12"
        case .keyNameUnknown: return "cannot read key '{1}'; write one character ({2}), a key name ({3}) or {4}"
        case .configDidYouMean: return " (did you mean '{1}'?)"
        case .keyConfigUnknownBinding: return "unknown binding '{1}'{2}; {3} lists them"
        case .keyConfigTaken: return "key {1} is already {2}'s in the same place, so one of them would never run; {3} keeps its keys {4}"
        case .configCannotRead: return "cannot read the config file: {1}"
        case .configIsFolder: return "a folder"
        case .configNotRegularFile: return "not a regular file"
        case .configPermissionDenied: return "permission denied"
        case .configNotUTF8: return "not {1} text"
        case .configNotMapping: return "the config must be a mapping of settings ({1}), got {2}"
        case .configUnknownSetting: return "unknown setting '{1}'{2}; the config knows {3}"
        case .configLanguage: return "unknown language {1}; use {2} or {3}"
        case .configTheme: return "unknown theme {1}{2}; use {3} or a path to a .theme file"
        case .configThemeBroken: return "theme not used: {1}"
        case .configBoolean: return "'{1}' must be {2} or {3}, got {4}"
        case .configSpeed: return "'{1}' must be a number above 0, got {2}"
        case .configKeysNotMapping: return "'{1}' must map binding ids to keys ({2}), got {3}"
        case .configKeyNotText: return "the keys of '{1}' must be key names like {2}, got {3}"
        case .configKeysEmpty: return "'{1}' needs at least one key; it keeps {2}"
        case .configKindMapping: return "a mapping"
        case .configKindList: return "a list"
        case .configProblems: return "{1} · {2} more in the config ({3})"

        // MARK: `kpi` tables
        case .kpiTableImpressions: return "IMPR"
        case .kpiTableClicks: return "CLICKS"
        case .kpiTableConversions: return "CONV"
        case .kpiTableSpend: return "SPEND"
        case .kpiTableRevenue: return "REVENUE"
        case .kpiTableBurn: return "BURN"
        case .kpiTableTitle: return "KPIs by {1}, window {2}, as of {3}"
        case .kpiTableNoEvents: return "(no events)"
        case .kpiTableRejected: return "{1} rejected lines, {2} skipped events of unknown types"

        // MARK: `plan show`
        case .planShowHeadline: return "{1} ({2})  {3} {4}  {5}  starts {6}"
        case .planShowBenchmarks: return "benchmarks: {1}"
        case .planHeadID: return "ID"
        case .planHeadName: return "NAME"
        case .planHeadAmount: return "AMOUNT"
        case .planHeadShare: return "SHARE"
        case .planHeadKind: return "KIND"
        case .planHeadBudget: return "BUDGET"
        case .planHeadLine: return "LINE"
        case .planHeadGoals: return "GOALS"
        case .planHeadRule: return "RULE"
        case .planHeadWeeks: return "WEEKS"
        case .planHeadFrom: return "FROM"
        case .planHeadTo: return "TO"
        case .planHeadPhase: return "PHASE"
        case .planHeadOwner: return "OWNER"
        case .planHeadDays: return "DAYS"
        case .planHeadAfter: return "AFTER"
        case .planHeadProgress: return "PROGRESS"
        case .planHeadRisk: return "RISK"
        case .planHeadMetric: return "METRIC"
        case .planHeadPer: return "PER"
        case .planHeadThreshold: return "THRESHOLD"
        case .planHeadWindow: return "WINDOW"
        case .planHeadFor: return "FOR"
        case .planHeadSeverity: return "SEVERITY"
        case .planSectionBudgetLines: return "BUDGET LINES"
        case .planSectionChannels: return "CHANNELS"
        case .planSectionSegments: return "SEGMENTS"
        case .planSectionPhases: return "PHASES"
        case .planSectionTasks: return "TASKS"
        case .planSectionAlerts: return "ALERTS"
        case .planGoalBy: return "{1} by {2}"

        // MARK: `anomalies list` and `anomalies show`
        case .anomaliesNone: return "no anomalies"
        case .anomaliesHeadID: return "ID"
        case .anomaliesHeadStatus: return "STATUS"
        case .anomaliesHeadSeverity: return "SEVERITY"
        case .anomaliesHeadOpened: return "OPENED"
        case .anomaliesHeadRecovered: return "RECOVERED"
        case .anomaliesHeadScope: return "SCOPE"
        case .anomaliesHeadOwner: return "OWNER"
        case .anomaliesHeadTitle: return "TITLE"
        case .anomalyShowTitle: return "anomaly {1}: {2}"
        case .anomalyShowStatus: return "status"
        case .anomalyShowRecoveredMark: return "{1} (recovered)"
        case .anomalyShowSeverity: return "severity"
        case .anomalyShowOpened: return "opened"
        case .anomalyShowEventTime: return "{1} (event time)"
        case .anomalyShowWallTime: return "{1} (wall time)"
        case .anomalyShowRecovered: return "recovered"
        case .anomalyShowClosed: return "closed"
        case .anomalyShowRule: return "rule"
        case .anomalyShowScope: return "scope"
        case .anomalyShowMetric: return "metric"
        case .anomalyShowOwner: return "owner"
        case .anomalyShowCause: return "cause"
        case .anomalyShowAction: return "action"
        case .anomalyShowTimeline: return "timeline ({1}):"

        // MARK: `ingest` summary
        case .ingestSourceLine: return "{1}: {2} events from {3} lines"
        case .ingestRejectedSkipped: return "{1} ({2} rejected, {3} skipped)"
        case .ingestResumed: return "{1}, resumed after line {2}"
        case .ingestPending: return "{1}, {2} line pending"
        case .ingestStored: return "stored in {1}: {2} commits; anomalies {3} opened, {4} fired again, {5} recovered"
        case .ingestStoredOne: return "stored in {1}: 1 commit; anomalies {2} opened, {3} fired again, {4} recovered"
        case .ingestDryRun: return "dry run: nothing stored"

        // MARK: Mouse and help search
        case .helpSearchBinding: return "search the help (n / N: next and previous match)"
        case .helpSearchHint: return "search"
        case .helpNextMatchBinding: return "next match of the search"
        case .helpNextMatchHint: return "next"
        case .helpPreviousMatchBinding: return "previous match of the search"
        case .helpSearchMatch: return "match {1} of {2} for /{3}"
        case .helpSearchNoMatch: return "no match for /{1} in the help"
        case .helpSearchNone: return "no search yet: / searches the help"
        case .helpSearchTyping: return "{1} matching lines · Enter finds · Esc cancels"
        case .mouseHelpTitle: return "Mouse"
        case .mouseHelpLines: return "click: focus the pane and select the row · double click: open it (as Enter) · wheel: scroll the pane under the pointer (the Gantt's days with Shift) · click a column head: sort by it, again: reverse · hold Shift to select text"
        case .messagesViewTitle: return "Messages (:messages)"
        case .messagesSearchBinding: return "search the messages (n / N: next and previous match)"
        case .messagesSearchNoMatch: return "no match for /{1}"

        // MARK: Names where people use names (issue 15 item 2)
        case .nameKindTask: return "task"
        case .nameKindSegment: return "segment"
        case .nameKindRule: return "alert rule"
        case .nameKindOwner: return "owner"
        case .nameKindTheme: return "theme"
        case .nameAmbiguousIDs: return "{1} {2}s are named '{3}': use an id instead ({4})"
        case .nameAmbiguousNumbers: return "{1} {2}s are named '{3}': use a number instead ({4})"
        case .nameUnknown: return "no {1} '{2}' (Tab completes ids and names)"
        case .nameUnknownSuggest: return "no {1} '{2}' (did you mean '{3}'?)"
        case .completionNone: return "no {1} matches '{2}'"
        case .completionChoices: return "Tab cycles: {1}"
        case .commandNamesHelp: return "{1}: an id or a name (a rule: its number or name). A name with spaces may be typed as it is (the longest name that fits is taken) or quoted, \"Launch event\". Tab completes commands, ids and names; Tab again gives the next match."
        case .derivedTaskID: return "id {1} given to '{2}'"
        case .copyName: return "{1} (copy)"
        case .numberedCopyName: return "{1} (copy {2})"

        // MARK: Commands of the : line
        case .commandSave: return "save (PATH: as a new file)"
        case .commandQuit: return "quit; asks if edits are unsaved"
        case .commandQuitDiscarding: return "quit, discarding unsaved edits"
        case .commandSaveQuit: return "save, then quit"
        case .commandTheme: return "use a theme (as t) or a theme file"
        case .commandSpeed: return "replay speed, e.g. 600 (as +/-)"
        case .commandPause: return "pause the stream (as p)"
        case .commandResume: return "resume the stream (as p)"
        case .commandHelp: return "show every key and command"
        case .commandMessages: return "the message log"
        case .commandGoto: return "select a task in the Gantt"
        case .commandMove: return "move a task (as H/L)"
        case .commandOwner: return "set a task's owner (as o)"
        case .commandProgress: return "set a task's progress (as %)"
        case .commandAfter: return "the task waits for another (as A)"
        case .commandPersona: return "open a segment's persona card (as Enter)"
        case .commandAlert: return "open the alert rules at a rule (as e)"
        case .commandFilter: return "filter the focused pane (as /)"

        // MARK: Usage words of the : line
        case .usageTask: return "TASK"
        case .usageSegment: return "SEGMENT"
        case .usageRule: return "RULE"
        case .usageName: return "NAME"
        case .usageOther: return "OTHER"
        case .usagePath: return "PATH"
        case .usageText: return "TEXT"
        case .usageFile: return "FILE"

        // MARK: The : line's hints and errors
        case .commandLineHint: return "Tab completes · :help lists commands"
        case .commandDidYouMean: return "did you mean :{1}?"
        case .commandUnknown: return "unknown command '{1}' (:help lists commands)"
        case .commandUnknownSuggest: return "unknown command '{1}'{2}"
        case .commandTakesNoArguments: return "{1} takes no arguments"
        case .commandTooMany: return "too many arguments: '{1}' (usage: {2})"
        case .commandShift: return "a shift looks like +3d, -2d or +1w; got '{1}'"
        case .commandSpeedInvalid: return "the speed is a positive number such as 60 or 600; got '{1}'"
        case .commandAlreadyPaused: return "the stream is already paused"
        case .commandNotPaused: return "the stream is not paused"
        case .commandQuoteOpen: return "the {1} quote is not closed"

        // MARK: Plan edits: what the status line says after each
        case .editMovedLater: return "{1} {2} later, starts {3}"
        case .editMovedEarlier: return "{1} {2} earlier, starts {3}"
        case .oneWeek: return "1 week"
        case .manyWeeks: return "{1} weeks"
        case .editLength: return "{1} now {2}"
        case .editAlsoMoved: return "{1}; moved {2}"
        case .editWaitsFor: return "{1} now waits for {2}"
        case .editNoLongerWaits: return "{1} no longer waits for {2}"
        case .editReload: return "reload from disk"
        case .editSegmentSet: return "segment {1}: {2} set"
        case .editAlertSet: return "alert '{1}': {2} {3}"
        case .editOwner: return "{1} owner: {2}"
        case .editDone: return "{1}: done"
        case .editNotStarted: return "{1}: not started"
        case .editProgress: return "{1}: {2}%"
        case .editAdded: return "added {1} after {2}"
        case .editDuplicated: return "duplicated {1} as {2}"
        case .editDeleted: return "deleted {1}"
        case .editDeletedRewired: return "deleted {1}; {2} now wait for {3}"
        case .editNothing: return "nothing"
        case .editNothingToMove: return "nothing to move"
        case .editMilestoneNoLength: return "{1} is a milestone: it has no length"
        case .editAlreadyOneDay: return "{1} is already one day long"
        case .editNoSelfWait: return "refused: a task cannot wait for itself"
        case .editAlreadyWaits: return "{1} already waits for {2}"
        case .editCycle: return "refused: that makes a cycle: {1} (each waits for the next)"
        case .editWaitsForNothing: return "{1} waits for nothing"
        case .editDoesNotWait: return "{1} does not wait for '{2}'; it waits for {3}"
        case .editPlanHasErrors: return "the plan has errors; fix them in the file first"
        case .editWouldBreak: return "refused: the edit would break the plan"
        case .editPinRefused: return "refused: {1} cannot start on {2}: it waits for {3}, so {4} is the earliest"
        case .editNoSegment: return "no segment '{1}'"
        case .editSegmentNeedsName: return "a segment needs a name"
        case .editOwnerNeedsName: return "an owner needs a name"
        case .editOnlyTask: return "{1} is the plan's only task: add another (a) before deleting it"

        // MARK: Plan edits: one dependant rewired
        case .editDeletedRewiredOne: return "deleted {1}; {2} now waits for {3}"

        // MARK: Terminal too small, missing arguments, themes
        case .tooSmall: return "terminal too small"
        case .tooSmallNeed: return "need {1}×{2}, have {3}×{4}"
        case .tooSmallQuit: return "q quits"
        case .commandUnknownTheme: return "unknown theme '{1}'{2}; themes: {3}"
        case .commandNoTask: return "no task '{1}'{2}"
        case .commandAnArgument: return "an argument"
        case .commandMissing: return "missing {1} (usage: {2})"
        case .themeUnknown: return "unknown theme '{1}'{2} (--theme)"
        case .themeBuiltIn: return "built-in themes: {1}, or a path to a .theme file"
        case .themeCannotRead: return "cannot read theme ({1})"
        case .themeBroken: return "broken theme: {1} ({2}:{3})"

        // MARK: Why the dashboard cannot start
        case .terminalHeadlessHint: return "for scripts and pipes use a headless command such as `campaign-deck plan show PLAN`, `campaign-deck kpi`, or `campaign-deck --snapshot 120x40`"
        case .terminalNotTerminalBoth: return "campaign-deck: the dashboard needs a terminal, but standard input and output are not a terminal ({1})"
        case .terminalNotTerminalIn: return "campaign-deck: the dashboard needs a terminal, but standard input is not a terminal ({1})"
        case .terminalNotTerminalOut: return "campaign-deck: the dashboard needs a terminal, but standard output is not a terminal ({1})"
        case .terminalNoTERM: return "campaign-deck: the dashboard needs a terminal type, but TERM is not set (set TERM, e.g. TERM=xterm-256color; {1})"
        case .terminalDumb: return "campaign-deck: the dashboard cannot draw on TERM=dumb (use a full terminal; {1})"

        // MARK: Command line: `--help` of every command
        case .cliAlertsAbstract: return "Replay an event stream through the plan's alert rules and print every state change."
        case .cliAlertsDiscussion: return """
            Each rule is judged per scope value at the end of every minute of event time:
            ok → pending on a breach, pending → firing once it has lasted `for`, back to
            ok only past `recover`. Ratio KPIs are judged by their 95 % Wilson interval
            unless the rule says `confidence: none`. Changes between ok and no data
            (volume below min_volume, e.g. at night) are left out unless --all is given.
            """
        case .cliAlertsAll: return "Also print changes between ok and no data."
        case .cliAlertsFormat: return "json (one object per line, the default), table or csv."
        case .cliAnomalyAckAbstract: return "Acknowledge an anomaly: someone is on it."
        case .cliAnomalyID: return "The anomaly id."
        case .cliAnomalyAckOwner: return "Who owns it from now on (default: keep the owner; acknowledging alone assigns nobody)."
        case .cliAnomalyAckAuthor: return "Who is acknowledging (default: $USER)."
        case .cliAnomalyAssignAbstract: return "Give an anomaly an owner."
        case .cliAnomalyAssignOwner: return "The new owner."
        case .cliAnomalyAssignAuthor: return "Who is assigning (default: $USER)."
        case .cliAnomalyResolveAbstract: return "Close an anomaly, with its cause and the action taken."
        case .cliAnomalyResolveCause: return "What caused it."
        case .cliAnomalyResolveAction: return "What was done about it."
        case .cliAnomalyResolveAuthor: return "Who is resolving (default: $USER)."
        case .cliAnomalyReopenAbstract: return "Undo a resolution: the anomaly goes back to how it was before it (open, or acknowledged with its owner)."
        case .cliAnomalyReopenAuthor: return "Who is reopening (default: $USER)."
        case .cliAnomalyNoteAbstract: return "Add a note to an anomaly's timeline."
        case .cliAnomalyNoteText: return "The note."
        case .cliAnomalyNoteAuthor: return "Who is writing (default: $USER)."
        case .cliAnomalyOpenAbstract: return "Open an anomaly by hand (a supplier delay, a site outage)."
        case .cliAnomalyOpenTitle: return "What happened."
        case .cliAnomalyOpenSeverity: return "info, warning or critical."
        case .cliAnomalyOpenChannel: return "The channel it concerns."
        case .cliAnomalyOpenSegment: return "The segment it concerns."
        case .cliAnomalyOpenMetric: return "The metric it affects."
        case .cliAnomalyOpenOwner: return "Who owns it."
        case .cliAnomalyOpenNote: return "A first note."
        case .cliAnomalyOpenAuthor: return "Who is opening it (default: $USER)."
        case .cliAnomaliesAbstract: return "Read and update the anomaly log: what broke, who looked, what they did."
        case .cliAnomaliesDiscussion: return """
            Alert rules open anomalies while `campaign-deck ingest` runs; a recovery marks
            them recovered but never closes them: people do, with `resolve`. Every change
            is written at once and survives a crash. Notes and changes record their author
            ($USER unless --author is given).
            """
        case .cliDatabaseOption: return "The database (default: PLAN.deck.sqlite beside the plan, or the demo's in $XDG_STATE_HOME/campaign-deck)."
        case .cliAnomalyPlan: return "The plan file (default: the built-in demo campaign); sets the time zone times are shown in."
        case .cliAnomalyListAbstract: return "List anomalies, newest first."
        case .cliAnomalyListStatus: return "Only this status: open, acknowledged or resolved."
        case .cliAnomalyListSeverity: return "Only this severity: info, warning or critical."
        case .cliAnomalyListChannel: return "Only anomalies about this channel."
        case .cliAnomalyListSince: return "Opened on or after this date (YYYY-MM-DD, campaign time zone) or instant (RFC 3339)."
        case .cliAnomalyListUntil: return "Opened before the end of this date (YYYY-MM-DD) or before this instant (RFC 3339)."
        case .cliAnomalyShowAbstract: return "Show one anomaly with its timeline."
        case .cliRootAbstract: return "Plan, watch and review segment-targeted marketing campaigns from the terminal."
        case .cliRootDiscussion: return """
            A campaign lives in one YAML plan file: segments and personas, budget, phases,
            tasks with owners and risks, and KPI alert rules.
            """
        case .cliRootDiscussionEnd: return "Exit codes: 0 success, 1 runtime failure, 2 bad input or usage."
        case .cliDashboardAbstract: return "Open the live dashboard (the default command)."
        case .cliDashboardDiscussion: return """
            With no plan it opens the built-in demo campaign with a simulated stream
            played at ×600 (a minute on screen is ten hours of campaign). Keys: Tab/1-4
            panes, arrows or hjkl move, Enter opens, z zooms, p pauses, +/- speed, t
            theme, / filters, : commands, w stand-up walkthrough, ? every key, q quits.
            The mouse: a click selects, a double click opens, the wheel scrolls, a click
            on a column head sorts (Shift+drag still selects text).

            Editing a plan file: in the Gantt H/L move a task (Shift-arrows a week), </>
            stretch, o owner, % progress, x done, a add, D duplicate, d delete, A/R
            dependencies; in Segments r rule, n name, P persona, b budget share; in KPIs e
            edits alert rules. u undoes, Ctrl-R redoes, Ctrl-S saves (only the changed
            characters; asks if the file changed on disk), q asks when edits are unsaved.

            Your defaults and keys: $XDG_CONFIG_HOME/campaign-deck/config.yaml (else
            ~/.config/campaign-deck/config.yaml), or --config FILE:
            """
        case .cliDashboardDiscussionKeys: return """
            Flags win over the file. Keys are written as one character (q, ?, 中), a name
            (Enter, Esc, Tab, Space, Backspace, Del, Up, Down, Left, Right, PgUp, PgDn,
            Home, End, F1-F12), ctrl+n (also C-n, ^N), shift+tab, shift+left, shift+right;
            quote '#' and ':' in YAML. --list-keys prints every binding id and its keys.
            A problem in the file is reported as FILE:LINE:COLUMN (on standard error and
            in the status bar) and the dashboard starts with the defaults for it.
            """
        case .cliPlanOrDemo: return "The plan file (default: the built-in demo campaign)."
        case .cliDashboardEvents: return "Event files to show instead of the simulator (`-` is standard input)."
        case .cliDashboardFollow: return "Keep reading the last event file as it grows."
        case .cliDashboardSimulate: return "Use the simulator even when event files are given (the default when there are none)."
        case .cliDashboardSpeed: return "Replay speed of the simulator: campaign seconds per wall-clock second (default: the config's speed, else 600)."
        case .cliDashboardSeed: return "Seed of the simulator."
        case .cliDashboardStartAt: return "Simulator: replay at full speed up to this campaign time (YYYY-MM-DDTHH:MM, campaign time zone), then go live. The demo starts at {1}, just before its CPA spike; `none` starts at the beginning."
        case .cliDashboardDb: return "The database with the anomaly log and metric history (default: PLAN.deck.sqlite beside the plan, or the demo's in $XDG_STATE_HOME/campaign-deck). With --db and no --events the dashboard shows the stored history."
        case .cliDashboardNotifyPast: return "With a plan that has notify: channels and event files: send transitions older than max_age too (drills)."
        case .cliDashboardTheme: return "Theme: default, light, high-contrast, monochrome, or a .theme file (default: the config's theme, else default)."
        case .cliDashboardConfigFile: return "The config file (default: $XDG_CONFIG_HOME/campaign-deck/config.yaml)."
        case .cliDashboardNoConfig: return "Ignore the config file: built-in defaults and keys."
        case .cliDashboardListKeys: return "Print every key binding's id (what the config's keys: names), its keys and what it does, then exit."
        case .cliDashboardMouse: return "Clicks, double clicks and the wheel in the dashboard (default on; with --no-mouse the terminal keeps its own text selection)."
        case .cliDashboardSnapshot: return "Render one frame as plain text at COLSxROWS (e.g. 120x40) and exit, after the whole stream."
        case .cliDashboardDays: return "With --snapshot and the simulator: simulate this many days (default: the whole campaign)."
        case .cliEventSourceFiles: return "Event files (JSON Lines); `-` is standard input. Default: standard input."
        case .cliEventLimitMaxScopes: return "At most this many distinct channels, segments and campaigns each; a line naming one more is rejected."
        case .cliEventLimitMaxTimeJump: return "Reject an event more than this after the latest one: 30s, 15m, 12h, 7d, or off."
        case .cliEventLimitMaxLineBytes: return "Longest event line accepted, in bytes; longer lines are rejected with their length."
        case .cliIngestAbstract: return "Store an event stream in the database: metric history, anomalies and resumable offsets."
        case .cliIngestDiscussion: return """
            Each batch is committed together with how far each file was read, so an ingest
            that is killed at any moment can simply be run again: it resumes where the
            last commit ended and counts nothing twice. Running it again on a file that
            has grown reads only the new lines. Standard input (`-`) cannot resume: run an
            interrupted one again and what it had stored is counted twice.

            A file is known by what it is (device and inode), not its name: after
            `mv events.jsonl events.jsonl.1`, ingesting events.jsonl.1 resumes where the
            last run stopped, and a hard link is the same file.

            A last line without a line break may be half written: it is pending (the
            summary says "1 line pending") and read once its line break arrives. With
            --final it is taken as it is (parsed, or rejected with its reason). Standard
            input ends for good, so its last line is always taken.

            With --follow it keeps reading the file as it grows (surviving truncation and
            rotation, like `tail -F`) until interrupted: Ctrl-C or SIGTERM end it after
            the batch in hand, with the summary.
            """
        case .cliIngestDiscussionEnd: return """
            When the plan has notify: channels, the messages of each transition are
            stored with it and sent after the run (see `campaign-deck notify`).
            """
        case .cliIngestFollow: return "Keep reading the file as it grows, until interrupted."
        case .cliIngestDryRun: return "Read and judge the stream but store nothing."
        case .cliIngestFinal: return "The files are complete: take a last line without a line break as a line, instead of leaving it pending."
        case .cliIngestCommitEvents: return "Commit after this many events (default 50000) or every second."
        case .cliIngestNotifyPast: return "Send transitions older than the notify policy's max_age too (for drills and tests)."
        case .cliIngestFiles: return "Event files (JSON Lines); `-` is standard input."
        case .cliInitAbstract: return "Write a new plan file from the built-in demo campaign."
        case .cliInitDiscussion: return """
            NAME becomes NAME.yaml (unless it already ends in .yaml or .yml) and the
            campaign id. An existing file is never overwritten.
            """
        case .cliInitName: return "The plan's name or file path."
        case .cliInitSegments: return "Segment set to start from: personas (3 personas, 40/35/25 % budget) or rfm (the classic RFM map)."
        case .cliKpiAbstract: return "Compute every KPI from an event stream, per channel, segment, campaign or in total."
        case .cliKpiDiscussion: return """
            Windows are by event time and end at the latest event: 5m 15m 1h 6h 24h
            (rolling), day (the calendar day of the latest event, campaign time zone) or
            campaign (to date). Budget burn and pacing are always campaign-to-date.
            """
        case .cliKpiBy: return "Group rows by channel, segment, campaign or total."
        case .cliKpiWindow: return "5m, 15m, 1h, 6h, 24h, day or campaign."
        case .cliKpiDb: return "Read the metric history stored by `ingest` in this database instead of a stream (give no files)."
        case .cliNotifyAbstract: return "Send alerts to WeCom, DingTalk, Feishu or a webhook."
        case .cliNotifyDiscussion: return """
            Channels are the plan's `notify:` list; `${NAME}` in a url or secret is
            read from the environment.
            """
        case .cliNotifyDiscardAbstract: return "Drop the pending messages of one channel."
        case .cliNotifyDiscardDiscussion: return """
            Marks every pending message of the channel skipped (kept in the
            database with the reason, never sent) and says how many.
            """
        case .cliNotifyDiscardChannel: return "The channel id whose pending messages are dropped."
        case .cliNotifyPendingAbstract: return "List the messages not delivered yet."
        case .cliNotifyFlushAbstract: return "Deliver the pending messages now and exit."
        case .cliNotifyFlushDiscussion: return """
            Tries every pending message now (ignoring the backoff of earlier failures),
            again a second later while some remain, up to --tries times. Exits 0 when
            the outbox is empty, 1 when messages remain (they stay for the next try).
            """
        case .cliNotifyFlushTries: return "How many times to try what remains, a second apart."
        case .cliNotifyTestAbstract: return "Send a test message to one channel and print the receiver's answer."
        case .cliNotifyTestDiscussion: return """
            Exits 0 when the receiver confirms delivery (for the robots, their own
            success code, not only HTTP 200), 1 when it refuses or cannot be
            reached, 2 for an unknown channel or an unset ${VARIABLE}.
            """
        case .cliNotifyTestChannel: return "The channel's id in the plan's notify: list."
        case .cliNotifyTestPlan: return "The plan file."
        case .cliNotifyTestTimeout: return "Seconds to wait for the receiver's answer."
        case .cliFormatOptionFormat: return "Output format: table, json or csv."
        case .cliPlanAbstract: return "Check, schedule, show and export a plan file."
        case .cliPlanDiscussion: return "PLAN is a plan file, or `demo` for the built-in demo campaign."
        case .cliPlanExportAbstract: return "Export the scheduled plan as a Mermaid Gantt chart, CSV or an iCalendar file."
        case .cliPlanFileOrDemo: return "The plan file (`demo` for the built-in campaign)."
        case .cliPlanExportTo: return "What to write: mermaid, csv or ics."
        case .cliPlanScheduleAbstract: return "Compute early/late dates, float, the critical path and late tasks."
        case .cliPlanScheduleToday: return "Judge late tasks as of this date (YYYY-MM-DD); default: today in the campaign's time zone."
        case .cliPlanShowAbstract: return "Print the plan: campaign, budget, channels, segments, phases, tasks and alerts."
        case .cliPlanValidateAbstract: return "Check a plan file and report every problem as FILE:LINE:COLUMN: message."
        case .cliPlanValidateDiscussion: return """
            Exits 0 when the plan is valid (warnings allowed), 2 when it has errors.
            A notify channel's ${VARIABLE} that is not set in this environment is a
            warning: the plan may be checked where it is not sent from.
            """
        case .cliReportAbstract: return "Judge results: segment goals, ROI per channel and segment, CPA and CAC against benchmark, budget used by line."
        case .cliReportDiscussion: return """
            Campaign-to-date, from an event stream or the history stored by `ingest`.
            - Goals: target vs actual per segment goal. Achievement = actual / target; for
              a lift goal, the achieved rise over the target rise (a 12 % rise against a
              15 % lift is 80 %; a cost cut counts the same way with a negative lift).
              Goals on metrics the stream does not measure, or below the goal's
              `min_volume` of the metric's denominator (default 100), show "no data".
            - ROI = (revenue − spend) / spend, overall, per channel and per segment
              (events that carry `segment`; those without one show as (none)).
            - CPA = spend / conversions, against `benchmarks.cpa` (1.3 = 30 % over).
            - CAC = spend / distinct converting users: conversion events that carry
              `user`, each user counted once (the simulator's do; so does the
              history `ingest` stores). No users: CAC is no data.
            - Budget: channel spend summed into each channel's `budget_line`, against the
              line's amount; spend of channels in no line shows as (none).
            """
        case .cliReportFormat: return "Output format: table, json, csv or markdown."
        case .cliSegmentAbstract: return "Score customers from a transactions CSV (recency, frequency, monetary) and assign plan segments."
        case .cliSegmentDiscussion: return """
            TRANSACTIONS is a CSV with a header and one purchase per row (columns
            customer_id,date,amount unless mapped), `-` for standard input, or `demo` for
            the generated demo customer base (40,000 customers, as of 2026-03-02). Dates:
            YYYY-MM-DD, YYYYMMDD or RFC 3339 (the date as written, in its own offset).
            Rows with a bad date or amount, a negative amount, an empty customer id or the
            wrong number of fields are rejected and listed (line and reason) on standard
            error, with a count of every line of the file; exact duplicate rows are
            counted once. A quoted field may span lines only if the row it makes is
            valid; otherwise the line where the quote opened is rejected and reading
            resumes on the next line (an open quote runs at most 1 MiB). Scores are quintiles 1-5 over
            all customers; equal values get equal scores. Each customer joins the first
            plan segment whose rule matches, else `unassigned`.
            """
        case .cliSegmentTransactions: return "The transactions CSV, `-` for standard input, or `demo` for the generated demo base."
        case .cliSegmentPlan: return "The plan whose segment rules apply: a file, `demo` (personas) or `demo-rfm` (the classic RFM map)."
        case .cliSegmentAsOf: return "Measure as of this date (YYYY-MM-DD); default: the day after the latest purchase."
        case .cliSegmentSummary: return "Print one line per segment (every plan segment, members or not, then unassigned) instead of every customer."
        case .cliSegmentCustomerColumn: return "Header name of the customer id column."
        case .cliSegmentDateColumn: return "Header name of the purchase date column."
        case .cliSegmentAmountColumn: return "Header name of the amount column."
        case .cliSegmentLimit: return "Table format: show at most this many customers (0: all)."
        case .cliSegmentWriteDemo: return "Write the demo base's transactions as CSV to this file (`-`: standard output) and stop."
        case .cliSilenceAbstract: return "Stop sending a rule's alerts for a while (the transitions are still logged)."
        case .cliSilenceDiscussion: return """
            A silence acts when messages are sent, on the wall clock: while it lasts, the
            outbox marks its rule's messages (in its scope, or every scope) skipped.
            """
        case .cliSilenceAddAbstract: return "Silence a rule, in one scope or all, for a time or until a time."
        case .cliSilenceAddDiscussion: return """
            --until takes YYYY-MM-DD HH:mm in the campaign's zone, or RFC 3339 with an offset.
            With --plan (or the demo's database) the rule and scope are checked against the plan.
            """
        case .cliSilenceAddRule: return "The alert rule's name."
        case .cliSilenceAddScope: return "Only this scope (a channel, a segment); default: every scope of the rule."
        case .cliSilenceAddDuration: return "How long: 30m, 2h, 7d (at most 10 years)."
        case .cliSilenceAddUntil: return "Until when: '2026-04-22 18:00' (campaign zone) or 2026-04-22T18:00:00+08:00."
        case .cliSilenceAddComment: return "Why (required)."
        case .cliSilenceListAbstract: return "List the active silences (--all: every one ever made)."
        case .cliSilenceListAll: return "Also the silences that have ended."
        case .cliSilenceExpireAbstract: return "End a silence now: its rule's messages are sent again."
        case .cliSilenceExpireId: return "The silence's id (silence list shows it)."
        case .cliSimulateAbstract: return "Write a seeded, simulated event stream for the campaign as JSON Lines."
        case .cliSimulateDiscussion: return """
            The stream follows the plan's channels, segments and phases, with daily and
            weekly rhythm, and three scripted incidents the demo alert rules catch:
            creative fatigue on douyin (CTR under 1 %), a community whose daily-active
            share falls under 20 %, and a CPA spike on search. The same seed always gives
            the same bytes.

            Without --speed it writes as fast as it can; --speed 1 paces it in real time,
            --speed 60 plays a minute of campaign time per second.
            """
        case .cliSimulateSeed: return "Random seed; the same seed gives the same stream."
        case .cliSimulateDays: return "How many days to simulate (default: the whole campaign)."
        case .cliSimulateFrom: return "First day to simulate, YYYY-MM-DD (default: the campaign start)."
        case .cliSimulateSpeed: return "Pace output in event time: 1 = real time, 60 = one campaign minute per second."
        case .cliSpreadsheetOptionNoBOM: return "CSV written to a file starts with a UTF-8 byte-order mark, so Excel and WPS read Chinese; leave it out."
        case .cliStandupAbstract: return "Print the daily stand-up agenda as Markdown for chat."
        case .cliStandupDiscussion: return """
            From the plan and the project database (anomaly log and the metric history
            stored by `ingest`), for the day of the latest stored event unless --date
            says otherwise; the same agenda as the dashboard's walkthrough (`w`):
            - anomalies opened since the start of yesterday, and older ones not yet
              resolved, with owners;
            - the rate KPIs (ctr, cvr, cpa, roi; per channel and in total) that moved most
              from the day before yesterday to yesterday (calendar days, campaign time
              zone);
            - tasks due today (scheduled finish on the date);
            - late tasks (past their finish, progress < 1), whether they are on the
              critical path, and every task they hold up;
            - segment goals at risk: achievement below the share of time gone from the
              campaign start to the goal's `by` date.
            """
        case .cliStandupDate: return "The stand-up's day, YYYY-MM-DD (default: the day of the latest stored event, campaign time zone; today's date when nothing is stored)."
        case .cliWatchAbstract: return "Ingest an event stream and send its alerts as they happen: meant to run unattended."
        case .cliWatchDiscussion: return """
            Reads like `ingest` (offsets, resume, half lines: `campaign-deck ingest --help`)
            and, after each commit, sends the outbox under the database's sender lease.
            Failed messages are tried again on their backoff even while no events arrive.
            If another process (a watch, an ingest, a dashboard) holds the lease, this one
            does not send and says so once; it takes over when that lease ends.

            Standard error gets one line per transition and per delivery or failure, each
            starting with the time (UTC). SIGTERM or Ctrl-C ends it after the batch in
            hand: a last send pass, the lease given back, exit 0. Run it again and it
            resumes: nothing is read twice and nothing delivered is sent again.
            """
        case .cliWatchFollow: return "Keep reading the file as it grows, until SIGTERM or Ctrl-C."
        case .cliWatchFinal: return "The files are complete: take a last line without a line break as a line."

        // MARK: Command line: help
        case .cliExamples: return "Examples:"
        case .cliExampleWithUnit: return "Example (a systemd unit is in the README):"
        case .cliPlanShowDiscussionEnd: return "For tasks as CSV use `campaign-deck plan export PLAN --to csv`."
        case .cliExampleListNewest: return "the list, newest first"
        case .cliExampleReopen: return "resolved by mistake: back to how it was before"
        case .cliExampleNoteText: return "swapped creatives on douyin"
        case .cliExampleCause: return "creative fatigue"
        case .cliExampleAction: return "new creatives"
        case .cliExampleTitle: return "supplier delay"
        case .cliExampleStartingPlan: return "write a starting plan (the demo campaign)"
        case .cliExampleStoredHistory: return "from the stored history"
        case .cliExampleCustomers: return "customers, demo plan's segments"
        case .cliExampleDemoByPersona: return "the demo base by persona"
        case .cliExampleDemoRFM: return "the demo base on the classic RFM map"
        case .cliExampleSaveDemo: return "save the demo base's transactions"
        case .cliExampleBidChange: return "bid change under way"
        case .cliExampleCreativeSwap: return "creative swap tonight"
        case .cliExampleKnownOutage: return "known outage"
        case .cliExampleDemoPlan: return "(demo plan)"

        // MARK: Command line: help headings
        case .cliHelpOverview: return "OVERVIEW:"
        case .cliHelpUsage: return "USAGE:"
        case .cliHelpArguments: return "ARGUMENTS:"
        case .cliHelpOptions: return "OPTIONS:"
        case .cliHelpSubcommands: return "SUBCOMMANDS:"
        case .cliHelpDefault: return "(default: {1})"
        case .cliHelpValues: return "(values: {1})"
        case .cliHelpValuesDefault: return "(values: {1}; default: {2})"
        case .cliHelpDefaultSubcommand: return "(default)"
        case .cliHelpShowHelp: return "Show help information."
        case .cliHelpShowVersion: return "Show the version."
        case .cliHelpSeeSubcommand: return "See '{1} <subcommand>' for detailed help."

        // MARK: Command line: usage errors
        case .cliUsageMissingArgument: return "Missing expected argument '{1}'"
        case .cliUsageMissingOneOf: return "Missing one of: '{1}'"
        case .cliUsageUnknownOption: return "Unknown option '{1}'"
        case .cliUsageUnknownOptionSuggest: return "Unknown option '{1}'. Did you mean '{2}'?"
        case .cliUsageMissingValue: return "Missing value for '{1}'"
        case .cliUsageUnexpected: return "Unexpected argument '{1}'"
        case .cliUsageUnexpectedMany: return "{1} unexpected arguments: '{2}'"
        case .cliUsageInvalidValue: return "The value '{1}' is invalid for '{2}'"
        case .cliUsageProvideOneOf: return "Please provide one of {1}."
        case .cliUsageListOr: return "{1} or {2}"
        case .cliUsageListAnd: return "{1} and {2}"
        case .cliUsageNoValue: return "The option '{1}' does not take any value, but '{2}' was specified."
        case .cliUsagePositive: return "{1} is out of range: it must be a positive number, got {2}"
        case .cliUsageNegative: return "{1} is out of range: negative numbers are not accepted here"
        case .cliUsageCommandLine: return "command line"
        case .cliPlace: return "{1} ({2})"
        case .cliHint: return "hint: {1}"
        case .cliHintSeeHelp: return "see `campaign-deck --help`"

        // MARK: Command line: the dashboard's config sample
        case .cliDashboardConfigSpeed: return "the simulator's replay speed"
        case .cliDashboardConfigKeys: return "binding id: a key or a list; replaces its keys"

        // MARK: Command line: errors of the options (validate)
        case .cliSpeedRange: return "--speed is out of range: it must be above 0, got {1} (--speed)"
        case .cliConfigExclusive: return "--config and --no-config exclude each other (--no-config)"
        case .cliSnapshotSize: return "--snapshot takes COLSxROWS, e.g. 120x40; got '{1}' (--snapshot)"
        case .cliFollowNeedsEvents: return "--follow needs --events FILE (--follow)"
        case .cliNoConfigFile: return "no config file at {1} (--config)"
        case .cliStartAtFormat: return "--start-at must look like 2026-04-22T11:00, got '{1}' (--start-at)"
        case .cliDaysAtLeast: return "--days must be at least 1, got {1} (--days)"
        case .cliDaysAtMost: return "--days must be at most {1} (10 years), got {2} (--days)"
        case .cliNoEventFiles: return "no event files given: pass FILE…, or `-` for standard input ({1})"
        case .cliFollowOneFile: return "--follow needs exactly one file, not standard input ({1})"
        case .cliAtLeastOne: return "{1} must be at least 1, got {2}"
        case .cliMaxTimeJump: return "--max-time-jump takes a number and a unit (30s, 15m, 12h, 7d) or off, got '{1}'"
        case .cliLineLimit: return "the line limit must be between 1 and {1} bytes, got {2} (--max-line-bytes)"
        case .cliNoteEmpty: return "the note is empty (anomaly {1})"
        case .cliTitleEmpty: return "the title is empty (--title)"
        case .cliChannelOrSegment: return "give --channel or --segment, not both (anomalies open)"
        case .cliForOrUntil: return "give --for or --until, one of them (silence add)"

        // MARK: Command line: plan, dates and event input
        case .cliPlanInvalidOne: return "the plan has 1 error ({1})"
        case .cliPlanInvalidMany: return "the plan has {1} errors ({2})"
        case .cliPlanInvalidHint: return "fix them, then run `campaign-deck plan validate {1}`"
        case .cliPlanMissingHint: return "create one with `campaign-deck init NAME`, or pass `demo` for the built-in campaign"
        case .cliCannotSchedule: return "cannot schedule the plan: {1}"
        case .cliDateFormat: return "{1} must be a date like 2026-04-01, got '{2}' ({1})"
        case .cliDateRange: return "{1} must be a date from {2}, got '{3}'"
        case .cliDateOrInstant: return "{1} must be a date like 2026-04-01 or an instant like 2026-04-01T09:00:00+08:00, got '{2}' ({1})"
        case .cliDbOrFiles: return "give either --db or event files, not both (--db)"
        case .cliDbOrFilesHint: return "`campaign-deck ingest --db {1} FILE` stores a stream first"
        case .cliStdinTerminal: return "no event files given, and standard input is a terminal, not a stream (standard input)"
        case .cliStdinTerminalHint: return "give event files, pipe a stream (`campaign-deck simulate --days 7 \u{7C} campaign-deck …`), or `-` to type events"
        case .cliStdinTerminalHintStored: return "give event files, --db PATH for the stored history, pipe a stream (`campaign-deck simulate --days 7 \u{7C} campaign-deck …`), or `-` to type events"
        case .cliRejectedOne: return "campaign-deck: 1 line rejected, {1} events accepted"
        case .cliRejectedMany: return "campaign-deck: {1} lines rejected, {2} events accepted"
        case .cliRejectedMore: return "{1} ({2} more not shown)"
        case .cliStdinNoResume: return "campaign-deck: note: standard input cannot resume; if this {1} is interrupted, sending the same events again counts them twice (-)"
        case .cliFileChanged: return "campaign-deck: note: the file changed since it was last ingested (read to byte {1} then); reading it from the start ({2})"

        // MARK: Command line: the database's hints
        case .cliHintNotDatabase: return "pass --db with a new or existing CampaignDeck database"
        case .cliHintNewerSchema: return "upgrade campaign-deck to open it"
        case .cliHintUnknownAnomaly: return "see the ids with `campaign-deck anomalies list`"
        case .cliHintReopen: return "`campaign-deck anomalies reopen {1}` if it is back"
        case .cliHintNoDatabase: return "check the path; `campaign-deck ingest --db PATH FILE` makes a database"
        case .cliHintSilences: return "see the active ones with `campaign-deck silence list`"

        // MARK: Command line: what the anomaly commands say
        case .cliAnomalyChanged: return "anomaly {1} {2}: {3}"
        case .cliAnomalyAcknowledgedOwner: return "acknowledged; owner {1}"
        case .cliAnomalyAcknowledgedNoOwner: return "acknowledged, no owner"
        case .cliAnomalyAssigned: return "assigned to {1}"
        case .cliAnomalyResolved: return "resolved"
        case .cliAnomalyReopenedAs: return "reopened; {1} again"
        case .cliAnomalyReopenedAsOwner: return "reopened; {1} again, owner {2}"
        case .cliAnomalyNoteAdded: return "note added"
        case .cliAnomalyOpened: return "opened"

        // MARK: Command line: formats a command does not write
        case .cliNotifyPendingNoCSV: return "notify pending prints a table or JSON, not CSV (--format)"
        case .cliSilencesNoCSV: return "silences print a table or JSON, not CSV (--format)"
        case .cliPlanShowNoCSV: return "plan show has several tables and no single CSV form (--format csv)"
        case .cliPlanShowNoCSVHint: return "use `campaign-deck plan export {1} --to csv` for the tasks"

        // MARK: Command line: notify and init output
        case .cliNothingPending: return "nothing pending"
        case .cliHeldQuietHours: return "held for quiet hours until {1}"
        case .cliReminder: return "reminder {1}"
        case .cliDiscardedNone: return "nothing pending for channel '{1}' ({2})"
        case .cliDiscardedOne: return "discarded 1 message for channel '{1}' ({2})"
        case .cliDiscardedMany: return "discarded {1} messages for channel '{2}' ({3})"
        case .cliInitWrote: return "wrote {1}: {2} tasks, {3} segments"
        case .cliInitNext: return "next: campaign-deck plan validate {1}  ·  campaign-deck plan schedule {1}"
        case .cliInitCannotCreate: return "cannot create plan: {1} ({2})"
        case .cliInitNameHint: return "give a name like spring-2026 or plans/autumn.yaml"
        case .cliInitExistsHint: return "choose another name, or edit the existing plan"

        // MARK: Command line: counted things
        case .cliCountLineOne: return "1 line"
        case .cliCountLines: return "{1} lines"
        case .cliCountRowOne: return "1 row"
        case .cliCountRows: return "{1} rows"
        case .cliCountDuplicateOne: return "1 duplicate"
        case .cliCountDuplicates: return "{1} duplicates"
        case .cliCountExactDuplicateOne: return "1 exact duplicate"
        case .cliCountExactDuplicates: return "{1} exact duplicates"
        case .cliCountMessageOne: return "1 message"
        case .cliCountMessages: return "{1} messages"

        // MARK: Command line: `segment` on standard error
        case .cliSegmentMoreRejected: return "… and {1} more (--format json lists every one)"
        case .cliSegmentRejected: return "{1}: {2} rejected, {3} counted once"
        case .cliLineAccount: return "{1}: {2} = {3} header + {4} counted + {5} rejected + {6}"
        case .cliLineAccountBlank: return " + {1} blank"
        case .cliLineAccountQuoted: return " + {1} inside quoted fields"
        case .cliRFMPlanBroken: return "the built-in RFM plan does not load (demo-rfm)"
        case .cliDemoBaseCannotWrite: return "cannot write the demo base: {1} ({2})"
        case .cliFileExists: return "it already exists"
        case .cliDemoBaseWrote: return "wrote {1}: {2} transactions of {3} customers"

        // MARK: Command line: sending after `ingest` and `notify flush`
        case .cliNotifyWaiting: return "campaign-deck: notify: {1} {2}"
        case .cliNotifyLeaseHeld: return "campaign-deck: notify: another process holds the sender lease and sends; {1} pending ({2})"
        case .cliNotifyStillPending: return "campaign-deck: notify: {1} pending; `campaign-deck notify flush` tries again ({2})"
        case .cliFlushNotDelivered: return "{1} not delivered ({2})"
        case .cliFlushNotDeliveredHint: return "`campaign-deck notify pending` shows each one's last error"
        case .cliFlushMissingOne: return "{1} not delivered; channel {2} is not in the plan ({3})"
        case .cliFlushMissingMany: return "{1} not delivered; channels {2} are not in the plan ({3})"
        case .cliFlushPassPlanHint: return "pass the plan that has it: `--plan FILE`"
        case .cliFlushDiscardHint: return "put it back in the plan's notify: list, or drop its messages with `campaign-deck notify discard --channel {1} --db {2}`"

        // MARK: Command line: `notify test`
        case .cliTestNoChannels: return "the plan has no notify: channels"
        case .cliTestChannels: return "channels: {1}"
        case .cliTestUnknownChannel: return "unknown notify channel '{1}'{2} ({3})"
        case .cliTestCannotReach: return "cannot reach {1}: {2} (notify channel '{1}')"
        case .cliTestDelivered: return "delivered"
        case .cliTestNotDelivered: return "not delivered: {1}"
        case .cliTestRefused: return "refused"
        case .cliTestAnswer: return "{1} ({2}): {3} · HTTP {4} {5}"
        case .cliTestNotConfirmed: return "{1} did not confirm delivery (notify channel '{1}')"
        case .cliTestNotConfirmedHint: return "check the robot's address, its secret and its security settings (keywords, IP allow-list)"

        // MARK: Command line: other commands' messages
        case .cliSimulatePastLastDay: return "the simulated days run past {1}, the last day an event may have (--from, --days)"
        case .cliCannotWriteOutput: return "campaign-deck: cannot write output: {1} (standard output)"
        case .cliThemeNotChanged: return "theme not changed: {1}"

        // MARK: Command line: `alerts --format table`
        case .cliAlertLine: return "{1}  {2} [{3}]  {4} → {5}  value {6}, threshold {7}"
        case .cliAlertStateOK: return "ok"
        case .cliAlertStatePending: return "pending"
        case .cliAlertStateFiring: return "firing"
        case .cliAlertStateNoData: return "no_data"

        // MARK: Command line: a sending line's prefix
        case .cliNotifyLine: return "campaign-deck: notify: {1}"

        // MARK: Command line: --lang without its value
        case .cliLangNeedsValue: return "--lang needs a value: en or zh"

        // MARK: Command line: `notify pending`'s table
        case .cliPendingHeadChannel: return "CHANNEL"
        case .cliPendingHeadAt: return "AT"
        case .cliPendingHeadStatus: return "STATUS"
        case .cliPendingHeadRule: return "RULE"
        case .cliPendingHeadScope: return "SCOPE"
        case .cliPendingHeadTries: return "TRIES"
        case .cliPendingHeadLastError: return "LAST ERROR"
        case .cliNoticeFiring: return "firing"
        case .cliNoticeResolved: return "resolved"
        // MARK: Metric names as people say them (English keeps the plan's spelling)
        case .metricSpokenImpressions: return "impressions"
        case .metricSpokenClicks: return "clicks"
        case .metricSpokenConversions: return "conversions"
        case .metricSpokenReach: return "reach"
        case .metricSpokenParticipants: return "participants"
        case .metricSpokenSpend: return "spend"
        case .metricSpokenRevenue: return "revenue"
        case .metricSpokenCTR: return "ctr"
        case .metricSpokenCVR: return "cvr"
        case .metricSpokenCPA: return "cpa"
        case .metricSpokenROI: return "roi"
        case .metricSpokenParticipationRate: return "participation_rate"
        case .metricSpokenCommunityDAURatio: return "community_dau_ratio"
        case .metricSpokenBudgetBurn: return "budget_burn"
        case .metricSpokenPacing: return "pacing"

        // MARK: Theme file lines and the terminal that cannot start
        case .themeLineShape: return "expected 'role = colour [on colour] [bold …]', got '{1}'"
        case .themeUnknownRole: return "unknown role '{1}'{2}"
        case .themeNeedsColour: return "'{1}' needs a colour"
        case .themeOnNeedsBackground: return "'on' needs a background colour"
        case .themeUnknownAttribute: return "unknown attribute '{1}' (bold, dim, underline, reverse, italic)"
        case .themeRoleTwice: return "'{1}' is set twice"
        case .themeBadHexColour: return "bad colour '{1}' (use #RRGGBB)"
        case .themeBadColour: return "bad colour '{1}' (a name like red, an xterm index 0-255, #RRGGBB or default)"
        case .terminalNeeded: return "the dashboard needs a terminal"
        case .terminalCannotStart: return "cannot start the terminal (TERM={1}); try TERM=xterm-256color, or the headless commands such as `campaign-deck plan show`"

        // MARK: Customers files (attributes, cleaning, merges)
        case .customersWrongFieldCount: return "expected {1} fields, found {2}"
        case .customersEmptyID: return "empty customer id"
        case .customersRepeated: return "customer '{1}' already described on line {2}; the first stands"
        case .customersUnknownSpelling: return "unknown value '{1}' (known: {2})"
        case .customersNotANumber: return "'{1}' is not a number"
        case .customersOutOfRange: return "{1} is out of range ({2} to {3})"
        case .customersUnterminatedQuote: return "a quote opened on this line is not closed; reading resumed on the next line"
        case .customersInColumn: return "column '{1}': {2}"
        case .customersNoIDColumn: return "no column '{1}' in the customers file's header ({2})"
        case .customersNoMergeColumn: return "cannot merge on '{1}': no such column in the header ({2})"
        case .customersEmptyFile: return "the customers file is empty: expected a header line with '{1}'"
        }
    }
}
