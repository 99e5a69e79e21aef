/// Every piece of text the interface shows a person, by a stable key. Each
/// language's catalog (`Catalog+English.swift`, `Catalog+Chinese.swift`) is an
/// exhaustive switch over these keys, so a phrase without a translation does
/// not compile, and `PhraseCatalogTests` checks each translation keeps the
/// English one's placeholders (`{1}`, `{2}` …, filled in order by `text`).
///
/// Keep the three files in the same order, grouped by where the text appears.
public enum Phrase: String, CaseIterable, Sendable {
    // MARK: Pane titles
    case paneSegments
    case paneGantt
    case paneKPIs
    case paneAnomalies

    // MARK: Header bar
    case headerBurn
    case headerPacing
    case streamCatchingUp
    case streamLive
    case streamPaused
    case streamReplay
    case streamEnded
    case eventsPerSecond
    case headerUnsaved
    case campaignStarts
    case campaignEnded
    case campaignDay

    // MARK: Pane frames and cells
    case paneNoMatch
    case stateOK
    case statePending
    case stateFiring
    case stateNoData

    // MARK: Anomaly log pane
    case anomaliesOpenCount
    case anomalyHeadOpened
    case anomalyHeadWhat
    case anomalyHeadValue
    case anomalyHeadStatus
    case anomalyHeadOwner
    case anomaliesEmpty
    case anomalyNoneSelected
    case anomalyAcknowledged
    case anomalyReopened
    case anomalyNotResolved
    case anomalyAlreadyResolved
    case anomalyAlreadyResolvedReopenKey

    // MARK: Gantt pane
    case ganttDays
    case ganttWeeks
    case ganttNoTasks
    case ganttCannotSchedule
    case ganttNoTaskSelected
    case ganttAtPlanStart
    case ganttAtPlanEnd
    case ganttNoDependencies
    case ganttWaitsForNothing
    case ganttAfter
    case ganttFloat
    case ganttCriticalOne
    case ganttCriticalOf

    // MARK: KPI pane
    case kpiPerChannel
    case kpiPerSegment
    case kpiWaiting
    case kpiHeadKey
    case kpiHeadInterval
    case kpiHeadState
    case kpiHeadThreshold
    case kpiWindowHours
    case kpiWindowMinutes
    case kpiWindowEventDay
    case kpiWindowToDate
    case kpiTagToDate
    case kpiHeadParticipation
    case kpiHeadBurn
    case kpiHeadSpend
    case kpiNoAlertRules

    // MARK: Segments pane
    case segmentHeadName
    case segmentHeadSize
    case segmentHeadShare
    case segmentHeadBudget
    case segmentHeadBudgetShort
    case segmentHeadGoal
    case segmentsNone
    case segmentNoneSelected

    // MARK: Key help (the ? overlay): one per binding id
    case keyNextPane
    case keyPreviousPane
    case keyFocusSegments
    case keyFocusGantt
    case keyFocusKpis
    case keyFocusAnomalies
    case keyMoveUp
    case keyMoveDown
    case keyPageUp
    case keyPageDown
    case keyFirstRow
    case keyLastRow
    case keyOpen
    case keyBack
    case keyZoom
    case keyTogglePause
    case keyFaster
    case keySlower
    case keyNextTheme
    case keyUndo
    case keyRedo
    case keySave
    case keySortNextColumn
    case keySortPreviousColumn
    case keyReverseSort
    case keyCopy
    case keyStartWalkthrough
    case keyFilter
    case keyCommandLine
    case keyHelp
    case keyQuit
    case keyScrollEarlier
    case keyScrollLater
    case keyGanttDays
    case keyGanttWeeks
    case keyGanttToday
    case keyTaskCard
    case keyMoveTaskEarlier
    case keyMoveTaskLater
    case keyMoveTaskWeekEarlier
    case keyMoveTaskWeekLater
    case keyShortenTask
    case keyStretchTask
    case keyEditTaskOwner
    case keyEditTaskProgress
    case keyToggleTaskDone
    case keyAddTask
    case keyDuplicateTask
    case keyDeleteTask
    case keyAddDependency
    case keyRemoveDependency
    case keyAcknowledgeAnomaly
    case keyAssignAnomalyOwner
    case keyAddAnomalyNote
    case keyResolveAnomaly
    case keyReopenAnomaly
    case keyEditSegmentRule
    case keyRenameSegment
    case keyEditSegmentPersona
    case keyEditSegmentBudgetShare
    case keyToggleKpiGrouping
    case keyOpenAlertEditor
    case keySilence
    case keyEditAlertThreshold
    case keyEditAlertFor
    case keyEditAlertMinVolume
    case keyHelpScrollDown
    case keyHelpScrollUp
    case keyHelpPageDown
    case keyHelpPageUp
    case keyHelpTop
    case keyHelpEnd
    case keyNextStep
    case keyPreviousStep

    // MARK: Key hints (the footer): short
    case hintNextPane
    case hintOpen
    case hintZoom
    case hintTogglePause
    case hintUndo
    case hintSave
    case hintStartWalkthrough
    case hintFilter
    case hintCommandLine
    case hintHelp
    case hintQuit
    case hintScrollEarlier
    case hintGanttDays
    case hintGanttWeeks
    case hintGanttToday
    case hintMoveTaskEarlier
    case hintStretchTask
    case hintEditTaskOwner
    case hintToggleTaskDone
    case hintAddTask
    case hintAddDependency
    case hintAcknowledgeAnomaly
    case hintAssignAnomalyOwner
    case hintAddAnomalyNote
    case hintResolveAnomaly
    case hintReopenAnomaly
    case hintEditSegmentRule
    case hintRenameSegment
    case hintEditSegmentBudgetShare
    case hintToggleKpiGrouping
    case hintOpenAlertEditor
    case hintSilence
    case hintEditAlertThreshold
    case hintEditAlertFor
    case hintEditAlertMinVolume
    case hintHelpScrollDown
    case hintHelpPageDown
    case hintHelpEnd
    case hintNextStep
    case hintPreviousStep
    case hintClose

    // MARK: Keyed views in the help
    case viewHelp
    case viewAlertEditor
    case viewWalkthrough

    // MARK: The ? help
    case helpTitle
    case helpIntro
    case helpCommandsTitle
    case helpEverywhere
    case helpLinesAbove
    case helpLinesBelow

    // MARK: The symbols legend
    case legendTitle
    case legendDay
    case legendBurn
    case legendPacing
    case legendLive
    case legendReplay
    case legendCatchingUp
    case legendPaused
    case legendEnded
    case legendRate
    case legendUnsaved
    case legendSelected
    case legendFocused
    case legendCut
    case legendNoValue
    case legendGoalBar
    case legendGoalOver
    case legendPhase
    case legendBar
    case legendDone
    case legendMilestone
    case legendToday
    case legendCritical
    case legendLate
    case legendWaitedFor
    case legendWaiting
    case legendOffScreen
    case legendBreach
    case legendOtherWindow
    case legendInterval
    case legendOK
    case legendPending
    case legendFiring
    case legendNoData
    case legendSparkline
    case legendSilenced
    case legendRecovered
    case legendSymbolDay
    case legendSymbolOtherWindow

    // MARK: Counts
    case oneDay
    case manyDays

    // MARK: Cards in general
    case cardEscCloses
    case noneValue

    // MARK: Task card
    case taskCardTitle
    case taskUnscheduled
    case taskGone
    case taskPhase
    case taskMilestoneDate
    case taskDates
    case taskFloatCritical
    case taskFloat
    case taskPinConflict
    case taskCriticalOne
    case taskCriticalOf
    case taskOwner
    case taskWaitsForNothing
    case taskWaitsFor
    case taskWaitsForLine
    case taskWaitedForNothing
    case taskWaitedFor
    case taskWaitedForLine
    case taskRisk
    case taskMitigation
    case taskBudget
    case taskBudgetLine
    case taskBudgetLineUnknown
    case taskProgress
    case taskProgressLate

    // MARK: Persona card
    case personaTitle
    case personaWho
    case personaPainPoints
    case personaReachVia
    case personaRule
    case personaBudgetShare
    case personaCustomers
    case personaGoal
    case personaGoalNoData
    case personaGoalOf
    case personaGoalTooLittle
    case personaGoalBy

    // MARK: Anomaly card
    case anomalyCardTitle
    case anomalyCardOpened
    case anomalyCardRecovered
    case anomalyCardOwner
    case anomalyCardNobody
    case hintCloseEsc

    // MARK: Resolution
    case resolveTitle
    case resolveCauseLabel
    case resolveActionLabel
    case resolveNotGiven
    case resolveAskCause
    case resolveAskAction
    case resolveConfirmQuestion
    case resolveTypingKeys
    case resolveConfirmKeys
    case hintResolve
    case hintEdit
    case hintCancel
    case hintNext
    case resolveCancelled
    case resolveRemind
    case resolveDone
    case resolveDoneReopenKey

    // MARK: Anomaly status and severity words
    case statusOpen
    case statusAcknowledged
    case statusResolved
    case severityInfo
    case severityWarning
    case severityCritical

    // MARK: Confirmations
    case confirmUnsavedTitle
    case confirmChangedTitle
    case confirmDeletedTitle
    case confirmReloadedTitle
    case confirmUnsavedBody
    case confirmUnsavedSave
    case confirmUnsavedDiscard
    case confirmKeepEditing
    case confirmChangedBody
    case confirmChangedWarning
    case confirmChangedOverwrite
    case confirmChangedReload
    case confirmDontSave
    case confirmDeletedBody
    case confirmDeletedWrite
    case confirmDeletedDontSave
    case confirmDeletedSaveAs
    case confirmReloadedBody
    case confirmReloadedOlder
    case confirmReloadedWarning
    case confirmReloadedOverwrite
    case confirmReloadedDontSave
    case hintSaveAndQuit
    case hintDiscardAndQuit
    case hintOverwrite
    case hintReloadTheirs
    case hintWriteAgain
    case hintOverwriteTheirs
    case confirmStillHere
    case confirmNotSaved
    case confirmReloading
    case hintEscCancel

    // MARK: Prompts
    case promptCancelled
    case hintApply
    case promptAnomalyOwner
    case promptAnomalyNote
    case promptTaskOwner
    case promptTaskProgress
    case promptNewTask
    case promptAddDependency
    case promptRemoveDependency
    case promptSegment
    case promptAlert
    case promptSaveAs
    case promptNothingEntered
    case promptAssigned
    case promptNoteAdded
    case promptColumnError
    case promptValid
    case promptEditingKeys
    case promptReplacingKeys
    case promptNewTaskHint
    case promptAddDependencyHint
    case promptRemoveDependencyHint
    case promptSegmentRuleHint
    case promptSaveAsHint
    case promptSilenceRuleHint
    case fieldName
    case fieldPersona
    case fieldBudgetShare
    case fieldRule
    case fieldThreshold
    case fieldFor
    case fieldMinVolume

    // MARK: Stand-up walkthrough
    case standupDone
    case standupNoEvents
    case standupPreparing
    case standupTitle
    case standupTitleOn
    case standupNothing
    case standupKeys

    // MARK: Message log
    case messagesTitle
    case messagesEmpty
    case messagesKeys
    case hintScroll
    case hintNewest
    case messagesPosition

    // MARK: Alert editor
    case alertEditorTitle
    case alertEditorKeys
    case alertEditorLine

    // MARK: Alert scopes
    case perCampaign
    case perTotal

    // MARK: Alert rule words
    case directionBelow
    case directionAbove
    case windowDayShort

    // MARK: Window words in heads
    case windowCampaignShort

    // MARK: Silences in the dashboard
    case silenceNoRow
    case silenceNeedsDatabase
    case silenceNoRule
    case silenceOpenedByHand
    case silencePickRule
    case silenceSilencing
    case silenceRuleTitle
    case silenceDurationTitle
    case silenceCommentTitle
    case silenceDurationHint
    case silenceCommentHint
    case silenceDone
    case silenceUntil
    case silenceCard

    // MARK: Saving and reloading
    case saveNotOverTheirs
    case saveElsewhere
    case saveNothing
    case saveSaving
    case saveNoFileName
    case saveSaved
    case saveChangedOnDisk
    case saveGone
    case saveFailed
    case reloadFailed
    case reloadHasErrors
    case reloadDone

    // MARK: Global commands
    case replaySpeed
    case themeSet
    case copyNothing
    case copyDone
    case copyDoneOne
    case copyWhatCard
    case copyWhatTask
    case copyWhatRow
    case streamResumed
    case streamHasEnded
    case streamPausedMessage
    case keyNoAction

    // MARK: Filtering
    case filterMatches
    case filterMatchesOne
    case filterCleared
    case filterRows
    case filterRowsOne
    case filterKeys

    // MARK: Sorting
    case sortNoColumns
    case sortNotYet
    case sortedBy
    case sortOwnOrder

    // MARK: Plan editing
    case editNotHere
    case undoNothing
    case undoDone
    case redoNothing
    case redoDone
    case editUndoes

    // MARK: KPI rows
    case kpiRowTotal

    // MARK: Stand-up agenda (dashboard walkthrough and `standup`)
    case standupHeading
    case standupNone
    case standupUnassigned
    case standupNew
    case standupAnomaliesTitle
    case standupAnomalyItem
    case standupMovesTitle
    case standupDueTitle
    case standupDueItem
    case standupNoOwner
    case standupLateTitle
    case standupLateItem
    case standupCriticalPath
    case standupBlocks
    case standupRiskTitle
    case standupRiskItem

    // MARK: Alert values
    case alertValueThreshold

    // MARK: Anomaly timelines (card and `anomalies show`)
    case timelineEvent
    case timelineWall
    case timelineLegend
    case timelineTitle
    case anomalyRecoveredAt
    case anomalyCause
    case anomalyAction

    // MARK: Live side messages
    case liveActionFailed
    case liveNoAnomalyLog
    case liveAcknowledging
    case liveAssigning
    case liveNoting
    case liveResolving
    case liveReopening
    case liveSilencingFailed
    case liveRecordingFailed
    case liveReadingLogFailed
    case liveReadingSilencesFailed
    case liveAgendaNoAnomalies
    case liveNoFileToSave
    case liveSaveUnavailable
    case liveNoFile
    case liveFileHasErrors
    case liveRejectedLines
    case liveRejectedLine
    case liveSegmentSizes
    case liveTransactionsRejected
    case liveCannotReadEvents
    case liveStoppedFollowing
    case liveSimulatorUnreadable
    case liveCannotReadHistory

    // MARK: Robot messages (WeCom, DingTalk, Feishu, webhook text)
    case robotFiring
    case robotResolved
    case robotFooter
    case robotMoreNotShown
    case robotStateResolved
    case robotStateReminder
    case robotStateFiring
    case robotValueLine
    case robotSince
    case robotResolvedAt
    case robotAnomaly
    case robotOwner

    // MARK: What a rule's scope is
    case scopeChannel
    case scopeSegment
    case scopeCampaign
    case scopeTotal

    // MARK: Results report (`report`)
    case reportNoData
    case reportHeadSegment
    case reportHeadMetric
    case reportHeadTarget
    case reportHeadActual
    case reportHeadAchieved
    case reportHeadBy
    case reportHeadChannel
    case reportHeadSpend
    case reportHeadRevenue
    case reportHeadConversions
    case reportHeadVsBenchmark
    case reportHeadUsers
    case reportHeadBudgetLine
    case reportHeadName
    case reportHeadPlanned
    case reportHeadUsed
    case reportHeadUsedShare
    case reportBenchmark
    case reportNoBenchmark
    case reportGoalsTitle
    case reportChannelsTitle
    case reportSegmentsTitle
    case reportBudgetTitle
    case reportResultsAsOf
    case reportNoEvents
    case reportNone

    // MARK: Key config
    case keyNameControlCharacter
    case keyNameControlNeedsLetter
    case keyNameControlAlias
    case keyNameFunctionRange
    case keyNameUnknown
    case configDidYouMean
    case keyConfigUnknownBinding
    case keyConfigTaken
    case configCannotRead
    case configIsFolder
    case configNotRegularFile
    case configPermissionDenied
    case configNotUTF8
    case configNotMapping
    case configUnknownSetting
    case configLanguage
    case configTheme
    case configThemeBroken
    case configBoolean
    case configSpeed
    case configKeysNotMapping
    case configKeyNotText
    case configKeysEmpty
    case configKindMapping
    case configKindList
    case configProblems

    // MARK: `kpi` tables
    case kpiTableImpressions
    case kpiTableClicks
    case kpiTableConversions
    case kpiTableSpend
    case kpiTableRevenue
    case kpiTableBurn
    case kpiTableTitle
    case kpiTableNoEvents
    case kpiTableRejected

    // MARK: `plan show`
    case planShowHeadline
    case planShowBenchmarks
    case planHeadID
    case planHeadName
    case planHeadAmount
    case planHeadShare
    case planHeadKind
    case planHeadBudget
    case planHeadLine
    case planHeadGoals
    case planHeadRule
    case planHeadWeeks
    case planHeadFrom
    case planHeadTo
    case planHeadPhase
    case planHeadOwner
    case planHeadDays
    case planHeadAfter
    case planHeadProgress
    case planHeadRisk
    case planHeadMetric
    case planHeadPer
    case planHeadThreshold
    case planHeadWindow
    case planHeadFor
    case planHeadSeverity
    case planSectionBudgetLines
    case planSectionChannels
    case planSectionSegments
    case planSectionPhases
    case planSectionTasks
    case planSectionAlerts
    case planGoalBy

    // MARK: `anomalies list` and `anomalies show`
    case anomaliesNone
    case anomaliesHeadID
    case anomaliesHeadStatus
    case anomaliesHeadSeverity
    case anomaliesHeadOpened
    case anomaliesHeadRecovered
    case anomaliesHeadScope
    case anomaliesHeadOwner
    case anomaliesHeadTitle
    case anomalyShowTitle
    case anomalyShowStatus
    case anomalyShowRecoveredMark
    case anomalyShowSeverity
    case anomalyShowOpened
    case anomalyShowEventTime
    case anomalyShowWallTime
    case anomalyShowRecovered
    case anomalyShowClosed
    case anomalyShowRule
    case anomalyShowScope
    case anomalyShowMetric
    case anomalyShowOwner
    case anomalyShowCause
    case anomalyShowAction
    case anomalyShowTimeline

    // MARK: `ingest` summary
    case ingestSourceLine
    case ingestRejectedSkipped
    case ingestResumed
    case ingestPending
    case ingestStored
    case ingestStoredOne
    case ingestDryRun

    // MARK: Mouse and help search
    case helpSearchBinding
    case helpSearchHint
    case helpNextMatchBinding
    case helpNextMatchHint
    case helpPreviousMatchBinding
    case helpSearchMatch
    case helpSearchNoMatch
    case helpSearchNone
    case helpSearchTyping
    case mouseHelpTitle
    case mouseHelpLines
    case messagesViewTitle
    case messagesSearchBinding
    case messagesSearchNoMatch

    // MARK: Names where people use names (issue 15 item 2)
    case nameKindTask
    case nameKindSegment
    case nameKindRule
    case nameKindOwner
    case nameKindTheme
    case nameAmbiguousIDs
    case nameAmbiguousNumbers
    case nameUnknown
    case nameUnknownSuggest
    case completionNone
    case completionChoices
    case commandNamesHelp
    case derivedTaskID
    case copyName
    case numberedCopyName

    // MARK: Commands of the : line
    case commandSave
    case commandQuit
    case commandQuitDiscarding
    case commandSaveQuit
    case commandTheme
    case commandSpeed
    case commandPause
    case commandResume
    case commandHelp
    case commandMessages
    case commandGoto
    case commandMove
    case commandOwner
    case commandProgress
    case commandAfter
    case commandPersona
    case commandAlert
    case commandFilter

    // MARK: Usage words of the : line
    case usageTask
    case usageSegment
    case usageRule
    case usageName
    case usageOther
    case usagePath
    case usageText
    case usageFile

    // MARK: The : line's hints and errors
    case commandLineHint
    case commandDidYouMean
    case commandUnknown
    case commandUnknownSuggest
    case commandTakesNoArguments
    case commandTooMany
    case commandShift
    case commandSpeedInvalid
    case commandAlreadyPaused
    case commandNotPaused
    case commandQuoteOpen

    // MARK: Plan edits: what the status line says after each
    case editMovedLater
    case editMovedEarlier
    case oneWeek
    case manyWeeks
    case editLength
    case editAlsoMoved
    case editWaitsFor
    case editNoLongerWaits
    case editReload
    case editSegmentSet
    case editAlertSet
    case editOwner
    case editDone
    case editNotStarted
    case editProgress
    case editAdded
    case editDuplicated
    case editDeleted
    case editDeletedRewired
    case editNothing
    case editNothingToMove
    case editMilestoneNoLength
    case editAlreadyOneDay
    case editNoSelfWait
    case editAlreadyWaits
    case editCycle
    case editWaitsForNothing
    case editDoesNotWait
    case editPlanHasErrors
    case editWouldBreak
    case editPinRefused
    case editNoSegment
    case editSegmentNeedsName
    case editOwnerNeedsName
    case editOnlyTask

    // MARK: Plan edits: one dependant rewired
    case editDeletedRewiredOne

    // MARK: Terminal too small, missing arguments, themes
    case tooSmall
    case tooSmallNeed
    case tooSmallQuit
    case commandUnknownTheme
    case commandNoTask
    case commandAnArgument
    case commandMissing
    case themeUnknown
    case themeBuiltIn
    case themeCannotRead
    case themeBroken

    // MARK: Why the dashboard cannot start
    case terminalHeadlessHint
    case terminalNotTerminalBoth
    case terminalNotTerminalIn
    case terminalNotTerminalOut
    case terminalNoTERM
    case terminalDumb

    // MARK: Command line: `--help` of every command
    case cliAlertsAbstract
    case cliAlertsDiscussion
    case cliAlertsAll
    case cliAlertsFormat
    case cliAnomalyAckAbstract
    case cliAnomalyID
    case cliAnomalyAckOwner
    case cliAnomalyAckAuthor
    case cliAnomalyAssignAbstract
    case cliAnomalyAssignOwner
    case cliAnomalyAssignAuthor
    case cliAnomalyResolveAbstract
    case cliAnomalyResolveCause
    case cliAnomalyResolveAction
    case cliAnomalyResolveAuthor
    case cliAnomalyReopenAbstract
    case cliAnomalyReopenAuthor
    case cliAnomalyNoteAbstract
    case cliAnomalyNoteText
    case cliAnomalyNoteAuthor
    case cliAnomalyOpenAbstract
    case cliAnomalyOpenTitle
    case cliAnomalyOpenSeverity
    case cliAnomalyOpenChannel
    case cliAnomalyOpenSegment
    case cliAnomalyOpenMetric
    case cliAnomalyOpenOwner
    case cliAnomalyOpenNote
    case cliAnomalyOpenAuthor
    case cliAnomaliesAbstract
    case cliAnomaliesDiscussion
    case cliDatabaseOption
    case cliAnomalyPlan
    case cliAnomalyListAbstract
    case cliAnomalyListStatus
    case cliAnomalyListSeverity
    case cliAnomalyListChannel
    case cliAnomalyListSince
    case cliAnomalyListUntil
    case cliAnomalyShowAbstract
    case cliRootAbstract
    case cliRootDiscussion
    case cliRootDiscussionEnd
    case cliDashboardAbstract
    case cliDashboardDiscussion
    case cliDashboardDiscussionKeys
    case cliPlanOrDemo
    case cliDashboardEvents
    case cliDashboardFollow
    case cliDashboardSimulate
    case cliDashboardSpeed
    case cliDashboardSeed
    case cliDashboardStartAt
    case cliDashboardDb
    case cliDashboardNotifyPast
    case cliDashboardTheme
    case cliDashboardConfigFile
    case cliDashboardNoConfig
    case cliDashboardListKeys
    case cliDashboardMouse
    case cliDashboardSnapshot
    case cliDashboardDays
    case cliEventSourceFiles
    case cliEventLimitMaxScopes
    case cliEventLimitMaxTimeJump
    case cliEventLimitMaxLineBytes
    case cliIngestAbstract
    case cliIngestDiscussion
    case cliIngestDiscussionEnd
    case cliIngestFollow
    case cliIngestDryRun
    case cliIngestFinal
    case cliIngestCommitEvents
    case cliIngestNotifyPast
    case cliIngestFiles
    case cliInitAbstract
    case cliInitDiscussion
    case cliInitName
    case cliInitSegments
    case cliKpiAbstract
    case cliKpiDiscussion
    case cliKpiBy
    case cliKpiWindow
    case cliKpiDb
    case cliNotifyAbstract
    case cliNotifyDiscussion
    case cliNotifyDiscardAbstract
    case cliNotifyDiscardDiscussion
    case cliNotifyDiscardChannel
    case cliNotifyPendingAbstract
    case cliNotifyFlushAbstract
    case cliNotifyFlushDiscussion
    case cliNotifyFlushTries
    case cliNotifyTestAbstract
    case cliNotifyTestDiscussion
    case cliNotifyTestChannel
    case cliNotifyTestPlan
    case cliNotifyTestTimeout
    case cliFormatOptionFormat
    case cliPlanAbstract
    case cliPlanDiscussion
    case cliPlanExportAbstract
    case cliPlanFileOrDemo
    case cliPlanExportTo
    case cliPlanScheduleAbstract
    case cliPlanScheduleToday
    case cliPlanShowAbstract
    case cliPlanValidateAbstract
    case cliPlanValidateDiscussion
    case cliReportAbstract
    case cliReportDiscussion
    case cliReportFormat
    case cliSegmentAbstract
    case cliSegmentDiscussion
    case cliSegmentTransactions
    case cliSegmentPlan
    case cliSegmentAsOf
    case cliSegmentSummary
    case cliSegmentCustomerColumn
    case cliSegmentDateColumn
    case cliSegmentAmountColumn
    case cliSegmentLimit
    case cliSegmentWriteDemo
    case cliSilenceAbstract
    case cliSilenceDiscussion
    case cliSilenceAddAbstract
    case cliSilenceAddDiscussion
    case cliSilenceAddRule
    case cliSilenceAddScope
    case cliSilenceAddDuration
    case cliSilenceAddUntil
    case cliSilenceAddComment
    case cliSilenceListAbstract
    case cliSilenceListAll
    case cliSilenceExpireAbstract
    case cliSilenceExpireId
    case cliSimulateAbstract
    case cliSimulateDiscussion
    case cliSimulateSeed
    case cliSimulateDays
    case cliSimulateFrom
    case cliSimulateSpeed
    case cliSpreadsheetOptionNoBOM
    case cliStandupAbstract
    case cliStandupDiscussion
    case cliStandupDate
    case cliWatchAbstract
    case cliWatchDiscussion
    case cliWatchFollow
    case cliWatchFinal

    // MARK: Command line: help
    case cliExamples
    case cliExampleWithUnit
    case cliPlanShowDiscussionEnd
    case cliExampleListNewest
    case cliExampleReopen
    case cliExampleNoteText
    case cliExampleCause
    case cliExampleAction
    case cliExampleTitle
    case cliExampleStartingPlan
    case cliExampleStoredHistory
    case cliExampleCustomers
    case cliExampleDemoByPersona
    case cliExampleDemoRFM
    case cliExampleSaveDemo
    case cliExampleBidChange
    case cliExampleCreativeSwap
    case cliExampleKnownOutage
    case cliExampleDemoPlan

    // MARK: Command line: help headings
    case cliHelpOverview
    case cliHelpUsage
    case cliHelpArguments
    case cliHelpOptions
    case cliHelpSubcommands
    case cliHelpDefault
    case cliHelpValues
    case cliHelpValuesDefault
    case cliHelpDefaultSubcommand
    case cliHelpShowHelp
    case cliHelpShowVersion
    case cliHelpSeeSubcommand

    // MARK: Command line: usage errors
    case cliUsageMissingArgument
    case cliUsageMissingOneOf
    case cliUsageUnknownOption
    case cliUsageUnknownOptionSuggest
    case cliUsageMissingValue
    case cliUsageUnexpected
    case cliUsageUnexpectedMany
    case cliUsageInvalidValue
    case cliUsageProvideOneOf
    case cliUsageListOr
    case cliUsageListAnd
    case cliUsageNoValue
    case cliUsagePositive
    case cliUsageNegative
    case cliUsageCommandLine
    case cliPlace
    case cliHint
    case cliHintSeeHelp

    // MARK: Command line: the dashboard's config sample
    case cliDashboardConfigSpeed
    case cliDashboardConfigKeys

    // MARK: Command line: errors of the options (validate)
    case cliSpeedRange
    case cliConfigExclusive
    case cliSnapshotSize
    case cliFollowNeedsEvents
    case cliNoConfigFile
    case cliStartAtFormat
    case cliDaysAtLeast
    case cliDaysAtMost
    case cliNoEventFiles
    case cliFollowOneFile
    case cliAtLeastOne
    case cliMaxTimeJump
    case cliLineLimit
    case cliNoteEmpty
    case cliTitleEmpty
    case cliChannelOrSegment
    case cliForOrUntil

    // MARK: Command line: plan, dates and event input
    case cliPlanInvalidOne
    case cliPlanInvalidMany
    case cliPlanInvalidHint
    case cliPlanMissingHint
    case cliCannotSchedule
    case cliDateFormat
    case cliDateRange
    case cliDateOrInstant
    case cliDbOrFiles
    case cliDbOrFilesHint
    case cliStdinTerminal
    case cliStdinTerminalHint
    case cliStdinTerminalHintStored
    case cliRejectedOne
    case cliRejectedMany
    case cliRejectedMore
    case cliStdinNoResume
    case cliFileChanged

    // MARK: Command line: the database's hints
    case cliHintNotDatabase
    case cliHintNewerSchema
    case cliHintUnknownAnomaly
    case cliHintReopen
    case cliHintNoDatabase
    case cliHintSilences

    // MARK: Command line: what the anomaly commands say
    case cliAnomalyChanged
    case cliAnomalyAcknowledgedOwner
    case cliAnomalyAcknowledgedNoOwner
    case cliAnomalyAssigned
    case cliAnomalyResolved
    case cliAnomalyReopenedAs
    case cliAnomalyReopenedAsOwner
    case cliAnomalyNoteAdded
    case cliAnomalyOpened

    // MARK: Command line: formats a command does not write
    case cliNotifyPendingNoCSV
    case cliSilencesNoCSV
    case cliPlanShowNoCSV
    case cliPlanShowNoCSVHint

    // MARK: Command line: notify and init output
    case cliNothingPending
    case cliHeldQuietHours
    case cliReminder
    case cliDiscardedNone
    case cliDiscardedOne
    case cliDiscardedMany
    case cliInitWrote
    case cliInitNext
    case cliInitCannotCreate
    case cliInitNameHint
    case cliInitExistsHint

    // MARK: Command line: counted things
    case cliCountLineOne
    case cliCountLines
    case cliCountRowOne
    case cliCountRows
    case cliCountDuplicateOne
    case cliCountDuplicates
    case cliCountExactDuplicateOne
    case cliCountExactDuplicates
    case cliCountMessageOne
    case cliCountMessages

    // MARK: Command line: `segment` on standard error
    case cliSegmentMoreRejected
    case cliSegmentRejected
    case cliLineAccount
    case cliLineAccountBlank
    case cliLineAccountQuoted
    case cliRFMPlanBroken
    case cliDemoBaseCannotWrite
    case cliFileExists
    case cliDemoBaseWrote

    // MARK: Command line: sending after `ingest` and `notify flush`
    case cliNotifyWaiting
    case cliNotifyLeaseHeld
    case cliNotifyStillPending
    case cliFlushNotDelivered
    case cliFlushNotDeliveredHint
    case cliFlushMissingOne
    case cliFlushMissingMany
    case cliFlushPassPlanHint
    case cliFlushDiscardHint

    // MARK: Command line: `notify test`
    case cliTestNoChannels
    case cliTestChannels
    case cliTestUnknownChannel
    case cliTestCannotReach
    case cliTestDelivered
    case cliTestNotDelivered
    case cliTestRefused
    case cliTestAnswer
    case cliTestNotConfirmed
    case cliTestNotConfirmedHint

    // MARK: Command line: other commands' messages
    case cliSimulatePastLastDay
    case cliCannotWriteOutput
    case cliThemeNotChanged

    // MARK: Command line: `alerts --format table`
    case cliAlertLine
    case cliAlertStateOK
    case cliAlertStatePending
    case cliAlertStateFiring
    case cliAlertStateNoData

    // MARK: Command line: a sending line's prefix
    case cliNotifyLine

    // MARK: Command line: --lang without its value
    case cliLangNeedsValue

    // MARK: Command line: `notify pending`'s table
    case cliPendingHeadChannel
    case cliPendingHeadAt
    case cliPendingHeadStatus
    case cliPendingHeadRule
    case cliPendingHeadScope
    case cliPendingHeadTries
    case cliPendingHeadLastError
    case cliNoticeFiring
    case cliNoticeResolved
    // MARK: Metric names as people say them (English keeps the plan's spelling)
    case metricSpokenImpressions
    case metricSpokenClicks
    case metricSpokenConversions
    case metricSpokenReach
    case metricSpokenParticipants
    case metricSpokenSpend
    case metricSpokenRevenue
    case metricSpokenCTR
    case metricSpokenCVR
    case metricSpokenCPA
    case metricSpokenROI
    case metricSpokenParticipationRate
    case metricSpokenCommunityDAURatio
    case metricSpokenBudgetBurn
    case metricSpokenPacing

    // MARK: Theme file lines and the terminal that cannot start
    case themeLineShape
    case themeUnknownRole
    case themeNeedsColour
    case themeOnNeedsBackground
    case themeUnknownAttribute
    case themeRoleTwice
    case themeBadHexColour
    case themeBadColour
    case terminalNeeded
    case terminalCannotStart

    // MARK: Customers files (attributes, cleaning, merges)
    case customersWrongFieldCount
    case customersEmptyID
    case customersRepeated
    case customersUnknownSpelling
    case customersNotANumber
    case customersOutOfRange
    case customersUnterminatedQuote
    case customersInColumn
    case customersNoIDColumn
    case customersNoMergeColumn
    case customersEmptyFile

    // MARK: Plan checking
    case checkListSeparator
    case checkDidYouMean
    case checkKindMapping
    case checkKindList
    case checkKindAlias
    case checkExpectText
    case checkExpectNumber
    case checkExpectAmount
    case checkExpectWholeNumber
    case checkExpectBoolean
    case checkExpectDate
    case checkExpectWord
    case checkNounBudgetLine
    case checkNounChannel
    case checkNounSegment
    case checkNounPhase
    case checkNounTask
    case checkNounAlert
    case checkNounNotifyChannel
    case checkNamed
    case checkUnnamedA
    case checkUnnamedAn
    case checkNounPlan
    case checkNounPersona
    case checkNounGoal
    case checkNounSection
    case checkKeyOf
    case checkNotMapping
    case checkKeysPlainWords
    case checkUnknownKey
    case checkNeedsKey
    case checkWrongKind
    case checkTagged
    case checkNotNumber
    case checkNotAmount
    case checkNegative
    case checkNotWholeNumber
    case checkAtLeast
    case checkAtMost
    case checkLimitMeaning
    case checkTenYears
    case checkSpanLimit
    case checkNotBoolean
    case checkNotDate
    case checkDateRange
    case checkDateOutOfRange
    case checkNotOneOf
    case checkNotListLike
    case checkListItemNotText
    case checkNotList
    case checkCurrency
    case checkBenchmarkNotNumber
    case checkBenchmarksNotMapping
    case checkShareRange
    case checkGoalTargetAndBaseline
    case checkGoalNeedsTarget
    case checkWeeksTooLate
    case checkWeeksMalformed
    case checkProgressRange
    case checkDependencyMalformed
    case checkDependencyLagTooLong
    case checkBelowAndAbove
    case checkNeedsThreshold
    case checkOfNotOneOf
    case checkDurationTooLong
    case checkForMalformed
    case checkNeedsKind
    case checkNeedsURL
    case checkSecretUnused
    case checkURLProblem
    case checkAddressNotURL
    case checkAddressScheme
    case checkAddressNoHost
    case checkSeverityUnknown
    case checkMentionWebhook
    case checkMentionDingTalk
    case checkMentionFeishu
    case checkEnvironmentText
    case checkDurationMalformed
    case checkDurationZero
    case checkQuietHoursMalformed
    case checkIDCharacters
    case checkDuplicateID
    case checkReservedSegmentID
    case checkUnknownReference
    case checkMilestoneHasDuration
    case checkMilestoneNeedsStart
    case checkDaysAndEnd
    case checkNeedsDuration
    case checkEndBeforeStart
    case checkEndWithoutStart
    case checkStartsBeforeCampaign
    case checkDependencyCycle
    case checkSharesOverOne
    case checkLinesOverBudget
    case checkChannelsOverBudget
    case checkChannelsOverLine
    case checkKnownList
    case checkUnknownMetricAlert
    case checkUnknownMetricGoal
    case checkDuplicateAlertName
    case checkNoNotifyChannels
    case checkUnknownNotifyChannel
    case checkEnvironmentUnset
    case checkURLAfterEnvironment
    case checkPhasePastLastDate
    case checkTaskTooLong
    case checkSchedulePastLastDate
    case checkScheduleTooLong
    case checkRoleStartsFirst
    case checkRoleEndsLast
    case checkSubjectSegmentRule
    case checkSubjectThreshold
    case checkSubjectRecover
    case checkNeverMatchesScores
    case checkNeverMatchesShadowed
    case checkPlanEmpty
    case checkPlanNeedsCampaign
    case checkNotYAML
    case checkYAMLContext
    case checkDuplicateKey
    case checkNotUTF8
    case checkAtByte
    case checkZoneEtcSign
    case checkZoneCityHint
    case checkZoneAbbreviation
    case checkZoneAlternative
    case checkZoneAltUSCentral
    case checkZoneAltOr
    case checkZoneAltSummerTime
    case checkZoneOffset
    case checkZoneAmbiguous
    case checkZoneUnknown
    case checkZoneUseIANA
    case checkTagNotAllowed
    case checkScheduleDuplicateTask
    case checkScheduleUnknownDependency
    case checkScheduleTooShort
    case checkScheduleCycle
    case checkSummary
    case checkWarningsOne
    case checkWarningsMany
    case checkCountChannelOne
    case checkCountChannelMany
    case checkCountSegmentOne
    case checkCountSegmentMany
    case checkCountPhaseOne
    case checkCountPhaseMany
    case checkCountTaskOne
    case checkCountTaskMany
    case checkCountAlertOne
    case checkCountAlertMany
    case checkUnexpectedCharacter
    case checkMalformedNumber
    case checkNumberOutOfRange
    case checkMalformedName
    case checkHintWrite
    case checkHintPercent
    case checkHintFullWidth
    case checkExpressionEmpty
    case checkExpressionTooDeep
    case checkNestingTooDeep
    case checkChainedComparison
    case checkChainedComparisonRewrite
    case checkMissingClose
    case checkUnexpectedExpectedClose
    case checkAfterToken
    case checkNotCannotStand
    case checkExpectedExpressionAfter
    case checkUnexpectedToken
    case checkTokenEnd
    case checkTypeNumber
    case checkTypeCondition
    case checkWantedNumbers
    case checkSubjectSegmentRuleDefault
    case checkSubjectThresholdDefault
    case checkWrongKindCondition
    case checkWrongKindNumber
    case checkUnknownName
    case checkNegateNeedsNumber
    case checkNotNeedsCondition
    case checkOperatorNeeds
    case checkColumn
    case checkEditNoTaskHint
    case checkEditCannotPlace
    case checkEditPlanDoesNotLoad
    case checkEditDependencyForm
    case checkEditBadTaskID
    case checkEditTaskExists
    case checkEditProgressRange
    case checkEditProgressWord
    case checkEditBudgetShare
    case checkEditRuleError
    case checkEditNoAlertNumber
    case checkEditThresholdError
    case checkEditMinVolume
    case checkEditNotFraction
    case checkEditFractionRange
    case checkDocNotYAML
    case checkDocNoTask
    case checkDocCouldNotSet
    case checkDocCouldNotRemove
    case checkDocCouldNotChange
    case checkDocPathEndsInKey
    case checkDocNotMapping
    case checkDocNotSingleValue
    case checkDocEditsOverlap
    case checkDocNoKeyThere
    case checkDocNoItemInList
    case checkDocShapeMismatch
    case checkDocOutsideFile
    case checkDocBlockInFlow
    case checkDocUnterminatedQuoted
    case checkDocAnchor
    case checkDocAlias
    case checkDocNoColon
    case checkDocBlockList
    case checkDocNoItemIn
    case checkDocItemStart
    case checkDocUnterminatedValue
    case checkDocValueIsAlias
    case checkDocUnclosedBracket
    case checkScheduleHeadName
    case checkScheduleHeadOwner
    case checkScheduleHeadStart
    case checkScheduleHeadFinish
    case checkScheduleHeadDays
    case checkScheduleHeadFloat
    case checkScheduleHeadDone
    case checkScheduleHeadFlags
    case checkScheduleFlagCritical
    case checkScheduleFlagLate
    case checkScheduleFlagConflict
    case checkScheduleTitle
    case checkScheduleLate
    case checkScheduleLateTask
    case checkScheduleLateBlocks
    case checkScheduleLateSeparator
    case checkScheduleNoCriticalPath
    case checkScheduleCriticalPath
    case checkScheduleCriticalPaths
    case checkScheduleMorePaths
    case checkWarningPrefix

    // MARK: Event, segment, store and notify messages
    case dataEmptyLine
    case dataLineTooLong
    case dataInvalidUTF8
    case dataInvalidJSON
    case dataNotAnObject
    case dataMissingField
    case dataWrongType
    case dataNegativeNumber
    case dataNonIntegerCount
    case dataOutOfRange
    case dataMissingUser
    case dataBadTimestamp
    case dataTooManyScopes
    case dataTimeJump
    case dataGapDay
    case dataGapDays
    case dataGapHour
    case dataGapHours
    case dataGapMinute
    case dataGapMinutes
    case dataGapSecond
    case dataGapSeconds
    case dataRangeAmount
    case dataRangeCount
    case dataExpectTimestamp
    case dataExpectNonNegativeInteger
    case dataExpectNonNegativeNumber
    case dataKindString
    case dataKindNumber
    case dataKindObject
    case dataKindArray
    case dataKindBoolean
    case dataKindNull
    case dataTimestampNotRFC3339
    case dataTimestampNoOffset
    case dataTimestampImpossible
    case dataTimestampFractional
    case dataTimestampOutOfRange
    case dataJSONExpectedBrace
    case dataJSONExpectedKey
    case dataJSONExpectedColon
    case dataJSONExpectedCommaOrBrace
    case dataJSONExpectedCommaOrBracket
    case dataJSONExpectedValue
    case dataJSONUnexpectedEnd
    case dataJSONInvalidEscape
    case dataJSONInvalidUnicodeEscape
    case dataJSONUnpairedSurrogate
    case dataJSONControlCharacter
    case dataJSONInvalidNumber
    case dataJSONInvalidLiteral
    case dataJSONTrailingData
    case dataCannotRead
    case dataSystemNoEntry
    case dataSystemAccess
    case dataSystemIsFolder
    case dataSystemNotFolder
    case dataSystemNoSpace
    case dataSystemReadOnly
    case dataSystemExists
    case dataSystemLinkLoop
    case dataSystemNameTooLong
    case dataSystemIO
    case dataSystemNotPermitted
    case dataSystemTooManyFiles
    case dataRowFieldCount
    case dataRowEmptyCustomer
    case dataRowBadDate
    case dataRowDateRange
    case dataRowBadAmount
    case dataRowNegativeAmount
    case dataRowAmountRange
    case dataRowUnterminatedQuote
    case dataRowTextAfterQuote
    case dataRowDuplicate
    case dataNoHeader
    case dataNoColumn
    case dataAmbiguousColumn
    case dataHintHeaderHas
    case dataHintRenameColumn
    case dataNoSuchFile
    case dataCannotReadTransactions
    case dataHintPassCSV
    case dataWithPlace
    case dataMoreCustomers
    case dataAsOf
    case dataNoPurchases
    case dataSegmentSummary
    case dataHeadSegment
    case dataHeadName
    case dataHeadCustomers
    case dataHeadShare
    case dataHeadMonetary
    case dataHeadCustomerID
    case dataHeadRecency
    case dataHeadFrequency
    case dataHeadRScore
    case dataHeadFScore
    case dataHeadMScore
    case dataHeadAOV
    case dataHeadOrders
    case dataHeadFirstPurchase
    case dataHeadRepurchase
    case dataSilenceDuration
    case dataSilenceZero
    case dataSilenceTooLong
    case dataSilenceLongest
    case dataSilenceUntil
    case dataSilencePast
    case dataSilenceNoRule
    case dataNone
    case dataSilenceTotalRule
    case dataSilenceNoScope
    case dataSilenceComment
    case dataEveryScope
    case dataNoSilences
    case dataNoActiveSilences
    case dataHeadRule
    case dataHeadScope
    case dataHeadStarts
    case dataHeadEnds
    case dataHeadState
    case dataHeadBy
    case dataHeadComment
    case dataSilenceActive
    case dataSilenceEndedState
    case dataSilenceAdded
    case dataSilenceExpiredLine
    case dataEnvUnclosed
    case dataEnvNotVariable
    case dataEnvNotSet
    case dataNotADatabase
    case dataForeignDatabase
    case dataDamaged
    case dataNewerSchema
    case dataCannotOpenDatabase
    case dataNoAnomaly
    case dataAnomalyResolved
    case dataAnomalyNotResolved
    case dataNoDatabase
    case dataDefaultDatabase
    case dataInvalidValue
    case dataCannotWriteDatabase
    case dataWhereDatabase
    case dataConcurrentIngest
    case dataNoSilence
    case dataSilenceAlreadyEnded
    case dataSilenceWasExpired
    case dataSilenceRanOut
    case dataItIsFolder
    case dataTruncated
    case dataMalformed
    case dataLockedFor
    case dataUnreadableMinute
    case dataCannotReadPlan
    case dataPlanNotUTF8
    case dataPlanChanged
    case dataCannotSavePlan
    case dataPlanTooBig
    case dataReadOnly
    case dataFolderNotFile
    case dataPermissionDenied
    case dataCannotWrite
    case dataNoFolder
    case dataAlreadyExists
    case dataNameEmpty
    case dataNameControl
    case dataNameFolder
    case dataNameNoStem
    case dataCannotReadLink
    case dataLinkLoop
    case dataWatchNoChannels
    case dataWatching
    case dataWatchStopped
    case dataLinesReadOne
    case dataLinesRead
    case dataAnomaliesOpenedOne
    case dataAnomaliesOpened
    case dataMessagesPendingOne
    case dataMessagesPending
    case dataTransition
    case dataTransitionOpened
    case dataTransitionFiredAgain
    case dataTransitionResolved
    case dataCannotReadAnomalyLog
    case dataAnotherProcess
    case dataLeaseHeld
    case dataLeaseTaken
    case dataCannotSend
    case dataCannotReleaseLease
    case dataDelivered
    case dataNotDelivered
    case dataWaitingForChannel
    case dataNoBudgetLine
    case dataNoticeFiring
    case dataNoticeResolved
    case dataSilencedBy
    case dataFiringSilenced
    case dataFiringInQuietHours
    case dataAnomalyWasAcknowledged
    case dataAnomalyWasResolved
    case dataAnomalyQuiet
    case dataNotSent
    case dataTimestampRange
    case dataUnassignedSegment
    case dataTestMessageRule
    case dataTestMessagePlaybook
    case dataNoteOpenedByHand
    case dataNoteAcknowledged
    case dataNoteAcknowledgedOwner
    case dataNoteReassigned
    case dataNoteAssigned
    case dataNoteResolved
    case dataNoteResolutionUpdated
    case dataNoteCause
    case dataNoteAction
    case dataNoteReopened
    case dataNoteOpenedByRule
    case dataNotePlaybook
    case dataNoteFiredAgain
    case dataNoteRecovered
    case dataNoteNoData

    // MARK: The timeline's own author
    case timelineAlertAuthor

    // MARK: Why a delivery failed (stored in English, said when shown)
    case deliveryNoAnswer
    case deliveryNoSuccessCode
    case deliveryRefused
    case deliveryRefusedCode
    case deliveryRefusedCodeSaying
    case deliveryURLNotAURL
    case deliveryChannelUnusable

    // MARK: Plan: customers, lifecycle, tags and tiers (issue 16)
    case planCustNounTag
    case planCustNounTier
    case planCustSubjectTagRule
    case planCustSubjectTierRule
    case planCustSourceKind
    case planCustEmpty
    case planCustUnknownColumn
    case planCustIDColumnDeclared
    case planCustValuesOnNumber
    case planCustRangeOnText
    case planCustSpellingNotText
    case planCustSpellingClash
    case planCustRangeMalformed
    case planCustRangeReversed
    case planCustDefaultNote
    case planCustLifecycleOrder
    case planCustColumnIsKeyword
    case planCustColumnNotRuleName
    case planCustColumnShadowsField
    case planCustStandardIsText
    case planCustStandardIsNumber
    case planCustNameControl
    case planCustNameQuote
    case planCustNameSpaces
    case planCustDuplicateName
    case planCustTagReadsTags
    case planCustTagReadsTier
    case planCustTierReadsTier
    case planCustNoSection
    case planCustTierOrder
    case planCustSectionCustomers
    case planCustShowSource
    case planCustShowMergeOn
    case planCustHeadColumn
    case planCustHeadType
    case planCustHeadSpellings
    case planCustHeadRange
    case planCustSectionLifecycle
    case planCustShowLifecycle
    case planCustSectionTags
    case planCustSectionTiers
    case planCustCountTagOne
    case planCustCountTagMany
    case planCustCountTierOne
    case planCustCountTierMany
    // MARK: MARK customers beyond RFM (lead)
    case segSpendHeading
    case segGrowthHeading
    case segLifecycleHeading
    case segValueLevelHeading
    case segLifecycleNew
    case segLifecycleActive
    case segLifecycleSilent
    case segLifecycleChurned
    case segLifecycleDormant
    case segValueHigh
    case segValueMid
    case segValueLow
    case segPAliveHeading
    case segExpectedPurchasesHeading
    case segCLVHeading
    case segTotalHeading
    case segMatrixTitle
    case segAttributeHeading
    case segFilledHeading
    case segCompletenessTitle
    case segCLVTitle
    case segBGNBDLine
    case segBGNBDNotConverged
    case segGammaGammaLine
    case segGammaGammaNotConverged
    case segCannotReadCustomers
    case segMoreCustomerProblems
    case segCustomersMerged
    case segMoreMerges
    case segCustomersAccount
    case segCustomersOption
    case segMergeOnOption
    case segCLVOption
    case segCalibrationEndOption
    case segMergeOnNeedsCustomers
    case segExampleCustomersFile
    case segExampleCLV
    case segmentHeadLifecycle
    case segmentHeadCLV
    case personaPortrait
    case personaLifecycleMix
    case personaAverageCLV
    case personaTrait
    case personaTraitUnknown

    // MARK: rules: text, lists, in, unknowns
    case rulesTypeText
    case rulesTypeNumberList
    case rulesTypeTextList
    case rulesTypeSet
    case rulesWantedText
    case rulesUnterminatedText
    case rulesUnknownEscape
    case rulesHintStraightQuotes
    case rulesEmptyList
    case rulesListItem
    case rulesMissingCloseBracket
    case rulesExpectedCommaOrClose
    case rulesMixedList
    case rulesListOnlyAfterIn
    case rulesSetOnlyAfterIn
    case rulesInNeedsCollection
    case rulesInListType
    case rulesInNeedsValue
    case rulesMemberNeedsName
    case rulesNoMemberDidYouMean
    case rulesNoMemberKnown
    case rulesNoMemberEmpty
    case rulesTextOrdering
    case rulesWrongKindNumber
    case rulesNotNeedsCondition

    // MARK: Categories, channels and behaviour (issue 16)
    case behavCategoryColumnHelp
    case behavChannelColumnHelp
    case behavSummary
    case segBehaviourOption
    case segLabelsTitle
    case segLabelHeading
    case segLabelKindHeading
    case segKindTag
    case segKindTier
    case segNoTier
    case segLastActiveHeading
    case segBrowsesHeading
    case segCartAddsHeading
    case segTopCategoryHeading
    case segTopChannelHeading
    case segTagsHeading
    case segTierHeading
    case segTenureHeading

    // MARK: intake (behaviour and customers files, tag and tier names)
    case intakeCannotReadBehaviour
    case intakeNameSemicolon

    // MARK: Segment portrait: top categories and channels (issue 16)
    case portraitTopCategories
    case portraitTopChannels
    case portraitTopLabelsTitle
    case portraitHeadTopCategories
    case portraitHeadTopChannels

    // MARK: MARK the dashboard while it segments (lead)
    case liveSegmentingFile

    // MARK: MARK goals with a direction (lead, issue 17)
    case goalTargetKeysTwice

    // MARK: MARK the persona card: what the others hold (lead)
    case personaTraitOthers

    // MARK: targets: spend forecasts and campaign targets
    case targetMetricForecastSpend
    case targetMetricForecastBurn
    case targetMetricDailySpend
    case targetKpiTableDaily
    case targetKpiTableForecastBurn
    case targetKpiTableDailyOver
    case targetCheckNoun
    case targetCheckUnknownMetric
    case targetCheckCAC
    case targetCheckNeedsValue
    case targetCheckNotNumber
    case targetCheckUnknownBenchmark
    case targetPlanShowTitle
    case targetReportTitle
    case targetReportHeadForecast
    case targetReportHeadStatus
    case targetStatusOnTrack
    case targetStatusAtRisk
    case targetStatusNoData
    case targetStandupItemBy
    case targetStandupItemNow
    case targetKeyShowTargets
    case targetHintShowTargets
    case targetCardTitle
    case targetCardNone
    case targetCardAsOf
    case targetHeaderDayOver
    // MARK: week report (report --week, --from/--to)
    case weekWeekAndRange
    case weekNoEventsAtAll
    case weekFromAfterTo
    case weekRangeTooLong
    case weekRangeNeedsBoth
    case weekBadFormat
    case weekYearRange
    case weekNoSuchWeek
    case weekNoEventsInPeriod
    case weekPeriodDays
    case weekPeriodWeek
    case weekTitleWeek
    case weekTitlePeriod
    case weekCoverage
    case weekHeadScope
    case weekHeadThis
    case weekHeadPrevious
    case weekHeadChange
    case weekHeadAnomalies
    case weekChangeWithPoints
    case weekAnomaliesTitle
    case weekAnomalyLine
    case weekRecovered
    case weekJudged
    case weekCause
    case weekNoCause
    case weekAction
    case weekSeparator
    case weekCliWeek
    case weekCliFrom
    case weekCliTo

    // MARK: MARK Usual (baseline) rules
    case usualKeyWithoutUsual
    case usualFixedThreshold
    case usualNeedsWindow
    case usualZNotPositive
    case usualRecoverBeyond
    case usualWrongPeriodsKey
    case usualMinChangeMalformed
    case usualMinChangeRange

    // MARK: MARK Usual values in the KPI pane
    case kpiUsualBand

    // MARK: MARK Usual rules in the alert editor
    case usualDirectionBelow
    case usualDirectionAbove

    // MARK: Report files (sources:)
    case sourceNoun
    case sourceConstantNotAllowed
    case sourceEmptyColumn
    case sourceNoFigure
    case sourceSectionTitle
    case sourceHeadFormat
    case sourceHeadEncoding
    case sourceHeadColumns
    case sourceCannotRead
    case sourceNoHeader
    case sourceNotEncoding
    case sourceMissingHeader
    case sourceHeaderTwice
    case sourceRowEmptyCell
    case sourceRowNotNumber
    case sourceRowNegative
    case sourceRowNotWhole
    case sourceRowOutOfRange
    case sourceRowBadTime
    case sourceRowImpossibleTime
    case sourceRowShort
    case sourceRowQuoting
    case sourceNeedsPlan
    case sourceUnknown
    case sourceNoneInPlan
    case sourceSummary
    case sourceOptionHelp
    case sourceNoFollow
    case sourceKPIOptionHelp
    // MARK: collect (the HTTP collector)
    case collectAbstract
    case collectDiscussion
    case collectListenHelp
    case collectTokenEnvHelp
    case collectMaxBodyHelp
    case collectTokenUnset
    case collectListenShape
    case collectListenPort
    case collectListenHost
    case collectBindFailed
    case collectListening
    case collectStopped
    case collectStoreFailed
    // MARK: MARK PostgreSQL store
    case dataPostgresNoLibrary
    case dataSQLiteFileExpected
    case cliAnomalyResolutionUpdated
    // MARK: watch --source (report files followed)
    case sourceWatchOptionHelp
    case sourceNoStandardInput
    case sourceNotRegularFile
    case sourceWaitingForFile
    // MARK: the dashboard reading events before the first minute
    case kpiReadingEvents
}

extension Phrase {
    /// The phrase in the current language (`Language.current`), with `{1}`,
    /// `{2}` … replaced by `arguments` in order, each written as string
    /// interpolation writes it (an error by its description).
    public func text(_ arguments: Any...) -> String {
        // An Optional would print as `Optional("…")`: unwrap it at the call.
        assert(!arguments.contains { $0 is AnyOptional }, "\(self): an Optional argument")
        return Self.fill(template(in: Language.current), arguments.map { String(describing: $0) })
    }

    /// The phrase in `language`, placeholders still in it.
    public func template(in language: Language) -> String {
        switch language {
        case .english: return english
        case .chinese: return chinese
        }
    }

    /// Replaces `{N}` by the N-th argument. A brace not followed by a number
    /// and `}` is kept as it is (plan names may contain braces; they come in
    /// as arguments, which are never scanned again).
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let number = Int(rest[afterOpen..<close]), number >= 1, number <= arguments.count {
                result += arguments[number - 1]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// The numbers of the `{N}` placeholders in a template, for the catalog test.
    public static func placeholders(in template: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            if let number = Int(rest[afterOpen..<close]) { found.append(number) }
            rest = rest[rest.index(after: close)...]
        }
        return found.sorted()
    }
}
