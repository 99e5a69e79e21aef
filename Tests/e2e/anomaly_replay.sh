#!/usr/bin/env bash
# The anomaly log keeps one entry per transition, on the real binary in tmux:
# a threshold edit judged live and then discarded leaves no trace in the log,
# and replaying the same events afterwards writes exactly what the saved rules
# write, once. Then resolving from the dashboard is deliberate and undoable:
# `r` asks cause and action and confirms (Esc writes nothing), `R` reopens.
# Usage: Tests/e2e/anomaly_replay.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: anomaly_replay.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
# E2E_SESSION_PREFIX keeps parallel runs' tmux sessions apart.
session="${E2E_SESSION_PREFIX:-}anomalies-replay-$$"
source "$here/tmux_lib.sh"
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work" || exit 1

# `anomalies list` and every anomaly's `show`: the whole log as text.
log_text() {
  "$bin" anomalies list --db "$1"
  for id in $("$bin" anomalies list --db "$1" | awk 'NR > 1 { print $1 }'); do "$bin" anomalies show "$id" --db "$1"; done
}
same_log() { # same_log NAME DB REFERENCE_TEXT_FILE
  log_text "$2" > "$2.txt"
  if cmp -s "$2.txt" "$3"; then ok; else fail "$1: the log differs"; diff "$3" "$2.txt" | head -20; fi
}

"$bin" init replay >/dev/null || { echo "FAIL init"; exit 1; }
# 2026-04-09: CTR on douyin fires at 11:02 and recovers at 16:27 (the plan's 1 %).
"$bin" simulate --plan replay.yaml --from 2026-04-09 --days 1 > day.jsonl
head -n 4000 day.jsonl > morning.jsonl      # up to 06:21, before anything fires
tail -n +4001 day.jsonl > rest.jsonl

# What the saved rules log: nothing for the morning; the incident for the whole day.
"$bin" replay.yaml --events morning.jsonl --snapshot 120x40 --db morning.sqlite >/dev/null
log_text morning.sqlite > morning.txt
"$bin" replay.yaml --events day.jsonl --snapshot 120x40 --db day.sqlite >/dev/null
log_text day.sqlite > day.txt
if grep -q "opened by rule 'CTR below 1%'" day.txt && grep -q "recovered:" day.txt; then ok; else
  fail "the day's stream logs its incident"; cat day.txt; fi
# At 3 % the rest of the day breaches far more: the edit below would write plenty.
sed 's/^    below: 0.01 /    below: 0.03 /' replay.yaml > at3.yaml
if [ "$("$bin" alerts --plan at3.yaml rest.jsonl | grep -c '"to": "firing"')" -gt 1 ]; then ok; else
  fail "3 % fires more than once over the rest of the day"; fi

# Live: the morning, then the threshold edited to 3 % (not saved), then the
# rest of the day arrives and is judged at 3 %, then quit and discard.
cp morning.jsonl live.jsonl
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "env TERM=xterm-256color bash --norc --noprofile"
sleep 0.5
keys "'$bin' replay.yaml --events live.jsonl --follow --db live.sqlite" Enter
expect "dashboard up" "2 Gantt" 20
keys 3      # the KPIs pane, where `e` edits the alert rules
keys e
keys T
for _ in 1 2 3 4 5 6 7 8; do keys BSpace; done
typed "0.03"
keys Enter
expect "the edit is unsaved" "✎ unsaved" 5
expect "the editor shows 3 %" "below 0.03" 5
keys Escape
cat rest.jsonl >> live.jsonl
sleep 8   # the follower reads the rest of the day (a second or two)
keys q
expect "quitting asks about the edit" "discard the edits and quit" 5
keys d
sleep 1
same_log "a discarded edit leaves no trace" live.sqlite morning.txt

# Replaying the whole day into the same log, three times: the incident once.
for run in 1 2 3; do
  "$bin" replay.yaml --events day.jsonl --snapshot 120x40 --db live.sqlite >/dev/null
  same_log "replay $run logs the day once" live.sqlite day.txt
done

# Resolving from the dashboard, on the day's incident (#1, CTR on douyin).
json_field() { # json_field ID FIELD: the anomaly's field as `anomalies show --format json` gives it
  "$bin" anomalies show "$1" --db live.sqlite --format json | python3 -c "import json, sys; print(json.load(sys.stdin)['$2'])"
}
keys "'$bin' replay.yaml --events day.jsonl --db live.sqlite" Enter
expect "dashboard up again" "2 Gantt" 20
keys 4
expect "the incident in the log" "CTR below 1%"
keys a
keys o
typed "王芳"
keys Enter
expect "acknowledged with an owner, STATUS whole" "acknowledged↺ 王芳"
keys Enter
# The card writes the CTR as a percentage, never 0.0064…
if wait_for "(threshold 1%)" 5 && screen | grep -qE "ctr: [0-9]+\.[0-9]{2}% \(threshold 1%\)"; then ok; else
  fail "the card writes the CTR and its threshold as percentages"; fi
keys r
expect "r asks for the cause" "What caused it?"
typed "creative fatigue"
keys Enter
expect "then for the action" "What was done about it?"
typed "new creatives"
keys Enter
expect "the confirmation shows the cause" "Cause:  creative fatigue"
expect "and the action" "Action: new creatives"
keys Escape
expect "Esc at the confirmation writes nothing" "#1 not resolved: nothing was written"
if [ "$(json_field 1 status)" = acknowledged ]; then ok; else fail "Esc left #1 acknowledged"; fi
keys r
typed "creative fatigue"
keys Enter
typed "new creatives"
keys Enter
keys y
expect "the message says how to reopen" "#1 resolved · R reopens it if that was a mistake"
sleep 0.5
if [ "$(json_field 1 status)/$(json_field 1 cause)" = "resolved/creative fatigue" ]; then ok; else
  fail "y resolved #1 with its cause"; fi
keys R
expect "the card shows it acknowledged again" "warning · acknowledged · recovered"
sleep 0.5
if [ "$(json_field 1 status)/$(json_field 1 owner)/$(json_field 1 cause)" = "acknowledged/王芳/None" ]; then ok; else
  fail "R put #1 back acknowledged, owned by 王芳, without the mistaken cause"; fi
me="${USER:-$(id -un)}"
if "$bin" anomalies show 1 --db live.sqlite --format csv | tail -1 | grep -q ",wall,$me,event,reopened; acknowledged again\$"; then ok; else
  fail "the timeline says who reopened #1, on the wall clock"; fi
keys Escape
keys q

echo "anomaly replay e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
