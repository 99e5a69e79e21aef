#!/usr/bin/env bash
# Every end-to-end script, LANES at a time (default 2), each in a home of its
# own: fresh XDG_STATE_HOME and XDG_CONFIG_HOME, so two scripts running at once
# never open the same default database or read each other's config (the
# scripts that pass no --db use the default one). tmux scripts already start a
# tmux server of their own, ports are picked free, PostgreSQL scripts make a
# schema of their own.
#
# Why lanes: most scripts wait on a terminal or a socket, or run one debug
# binary on one core; run one after another they took about 20 of CI's 40
# minutes on 2 cores.
#
# Each script's output goes to its own log; a line per script says how it
# ended and how long it took; the failed ones' logs are printed at the end.
# Exit 0 when every script passed.
# Usage: Tests/e2e/all.sh PATH/TO/campaign-deck [LANES]
#   E2E_ONLY="gantt mouse" runs only those scripts (names without .sh);
#   E2E_SCRIPT_SECONDS (default 900) stops a script that runs longer.
set -uo pipefail
bin=$(readlink -f "${1:?usage: all.sh PATH/TO/campaign-deck [LANES]}")
lanes=${2:-2}
here=$(cd "$(dirname "$0")" && pwd)
# The scripts expect English (the interface follows LANG otherwise); chinese.sh
# and the other Chinese checks set the language they test themselves.
export CAMPAIGN_DECK_LANG=en

# Longest first (measured on 2 cores), so the last to start are short and the
# lanes end together. NAME|what it checks
scripts=(
  "dashboard|the dashboard in tmux"
  "notify|alerts delivered to a webhook receiver (failing for a while, sender killed mid-drain)"
  "week_report|report --week / --from --to against Python's sums (files and --db), anomalies of the week, errors, CSV BOM, Chinese Markdown"
  "gantt|the Gantt opens on the plan, readable axes, the task card (tmux)"
  "silences|silences (add, list, expire, refusals; skipped at sending time; S in the dashboard, tmux)"
  "chinese_commands|every headless command's help, errors, tables and summaries in Chinese; machine formats the same in both languages"
  "team_ingest_postgres|two ingests on the halves of a stream into one PostgreSQL database, SIGKILLed and resumed, equal to one clean SQLite run"
  "robots|alerts to WeCom, DingTalk and Feishu robots and a webhook (exact bodies, signatures, refusals, a renamed channel)"
  "run|commands"
  "dashboard_notify|the dashboard sends under the same lease, defers to a watcher, never from the simulator (tmux)"
  "watch|the watcher follows a growing file and sends; SIGTERM, restarts, a receiver down, SIGKILL"
  "chinese|the dashboard in Chinese: no English interface word, persona, acknowledge, :move by a Chinese name (tmux)"
  "report_files|ad-platform report files (ingest --source; watch --source --follow re-reading a rewritten export) against Python's sums"
  "ingest_kill_test|ingest killed with SIGKILL and resumed"
  "collect|the HTTP collector SIGKILLed mid-stream and restarted, batches resent with their keys; kpi --db against Python's sums"
  "team_postgres|two dashboards on one PostgreSQL database: an acknowledgement and a note in one show in the other within 2 s (tmux)"
  "editing|editing the plan in the dashboard (tmux)"
  "anomaly_replay|replaying a stream and a discarded alert edit leave the anomaly log as it was (tmux)"
  "ingest_edges|ingest at the edges (half lines, rotation, truncation, signals)"
  "config|the config file: remapped keys in lookups, footer and ? help; flags win; a broken config shows FILE:LINE:COLUMN (tmux)"
  "plan_zh|plan checking in Chinese: the broken-plan corpus at the English places, JSON keys unchanged"
  "segment_portrait|each segment's top categories and channels (summary against Python, the persona card in tmux in both languages)"
  "names|task names in commands, Tab completion, a task added by a Chinese name, a copy named in Chinese (tmux)"
  "targets|spend forecasts and campaign targets (kpi, report, standup against Python; broken targets; the targets view in tmux)"
  "mouse|the mouse: click, double click, wheel, head sorting, the help's search, --no-mouse (tmux)"
  "cli_chinese|the command line in Chinese: --help of every command (no English, fits COLUMNS by display width), errors and outputs"
  "commandline|the / filter and the : command line (tmux)"
  "data_messages_zh|event, segment, store and notify messages in Chinese (positions, exit codes and machine output as in English)"
  "transaction_labels|transactions' category and channel columns: top_category and top_channel, a missing mapped column refused, in both languages"
  "plan_customers|the plan's customers, lifecycle, tags and tiers: read, checked at their columns and shown, in both languages"
  "segment_customers|segment on customers beyond RFM (customers file, behaviour, lifecycle, tags, tiers, lifetime value) against Python"
  "intake_errors|--behaviour/--customers missing or a folder, ';' in tag and tier names, tags read back from the CSV, in both languages"
  "rules_text|text, lists and sets in rules: segment assignment against Python, plan validate in both languages"
)

# Every script in the folder is listed: a new one not added here would never run.
for file in "$here"/*.sh; do
  name=$(basename "$file" .sh)
  case "$name" in all|tmux_lib) continue ;; esac
  if ! printf '%s\n' "${scripts[@]}" | grep -q "^$name|"; then
    echo "e2e: $name.sh is not in Tests/e2e/all.sh's list"; exit 1
  fi
done

if [ -n "${E2E_ONLY:-}" ]; then
  wanted=()
  for entry in "${scripts[@]}"; do
    case " $E2E_ONLY " in *" ${entry%%|*} "*) wanted+=("$entry") ;; esac
  done
  scripts=("${wanted[@]}")
fi

work=$(mktemp -d /tmp/deck-e2e-all.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
echo 0 > "$work/next"
# The next script's index, taken under a lock: each lane takes one when it is free.
take() { flock "$work/next" bash -c 'n=$(cat "$1"); echo $((n + 1)) > "$1"; echo "$n"' _ "$work/next"; }

lane() {
  local index entry name log home started status
  while index=$(take) && [ "$index" -lt "${#scripts[@]}" ]; do
    entry=${scripts[$index]}; name=${entry%%|*}
    log="$work/$name.log"; home="$work/home-$name"
    mkdir -p "$home/state" "$home/config"
    started=$SECONDS
    # A script that hangs is stopped (its whole process group) and counted as failed,
    # rather than holding CI until its limit.
    (cd "$home" && XDG_STATE_HOME="$home/state" XDG_CONFIG_HOME="$home/config" \
       timeout --kill-after=10 "${E2E_SCRIPT_SECONDS:-900}" bash "$here/$name.sh" "$bin" </dev/null >"$log" 2>&1)
    status=$?
    [ "$status" = 124 ] && echo "e2e: $name.sh stopped after ${E2E_SCRIPT_SECONDS:-900}s (E2E_SCRIPT_SECONDS)" >> "$log"
    if [ "$status" = 0 ]; then
      echo "e2e: $name passed in $((SECONDS - started))s: $(tail -1 "$log") — ${entry#*|}"
    else
      echo "e2e: $name FAILED (exit $status) after $((SECONDS - started))s — ${entry#*|}"
      echo "$name" >> "$work/failed"
    fi
  done
}

started=$SECONDS
for _ in $(seq "$lanes"); do lane & done
wait
if [ -s "$work/failed" ]; then
  while read -r name; do
    echo "──── e2e: $name.sh's output (last 80 lines) ────"
    tail -80 "$work/$name.log"
  done < "$work/failed"
  echo "e2e: $(wc -l < "$work/failed") of ${#scripts[@]} scripts failed ($((SECONDS - started))s, $lanes lanes)"
  exit 1
fi
echo "e2e: all ${#scripts[@]} scripts passed ($((SECONDS - started))s, $lanes lanes)"
