#!/usr/bin/env bash
# End-to-end test of the Gantt pane on the real binary (tmux): the chart
# opens on the plan's bars at 80×24 and at 200×60 (and in --snapshot frames
# of the demo and of an `init` plan), the week axis (`[`) shows whole labels
# with spaces between them, `]` after scrolling still shows the plan, a task
# moved off the screen brings the chart with it, and Enter opens the task's
# card, which Esc closes.
# Usage: Tests/e2e/gantt.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: gantt.sh PATH/TO/campaign-deck}")
# E2E_SESSION_PREFIX starts the tmux session's name, for runs beside others.
session="${E2E_SESSION_PREFIX:-}deck-e2e-gantt-$$"
work=$(mktemp -d)
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

source "$(dirname "$0")/tmux_lib.sh"

# The Gantt's inside, one line per screen row: the text between the heavy
# borders of the focused pane (the other panes' borders are light; the
# selected row shows ▶ in place of its left border).
gantt() { screen | sed 's/▶/┃/' | awk -F'┃' 'NF >= 3 { print $2 }'; }
# The axis row: the first line of the Gantt's inside.
axis() { gantt | head -1; }
# axis_readable NAME: every label on the axis is a whole MM-DD, with a space
# (or today's line) between labels.
axis_readable() {
  local labels
  labels=$(axis | tr '│' ' ' | tr -s ' ' '\n' | sed '/^$/d')
  if [ -n "$labels" ] && ! grep -qvE '^[0-9]{2}-[0-9]{2}$' <<<"$labels"; then ok; else
    fail "$1: axis '$(axis)'"; fi
}
# bars_on NAME TASK: the row of TASK in the Gantt shows a bar or its milestone.
bars_on() {
  if gantt | grep -F -- "$2" | grep -qE '[█▒◆]'; then ok; else fail "$1: no bar on the row of $2"; fi
}
# start_dashboard COLUMNS ROWS ARGS...: the dashboard in a fresh tmux session, Gantt focused.
start_dashboard() {
  local columns=$1 rows=$2; shift 2
  tmux kill-session -t "$session" 2>/dev/null
  tmux new-session -d -s "$session" -x "$columns" -y "$rows" -c "$work" \
    "env XDG_STATE_HOME='$work/state' TERM=xterm-256color bash --norc --noprofile"
  sleep 0.5
  tmux send-keys -t "$session" "'$bin' $*" Enter
  expect "dashboard up at ${columns}x$rows" "2 Gantt" 20
  keys 2
  expect "Gantt focused" "┏━ 2 Gantt" 5
}

cd "$work" || exit 1
# A database of its own: never the user's, never another run's.
export XDG_STATE_HOME="$work/state"

# --snapshot: the frame after the whole simulated campaign (today is past
# its end). The chart ends with the campaign instead of blank weeks.
frame=$("$bin" --snapshot 200x60)
if grep -F "项目结项" <<<"$frame" | grep -q "◆"; then ok; else fail "demo snapshot 200x60: no close milestone"; echo "$frame" | head -30; fi
if grep -F "数据复盘" <<<"$frame" | grep -q "▒"; then ok; else fail "demo snapshot 200x60: no data-review bar"; fi
# The header counts the schedule's 65 days: after them it says when the campaign ended.
if grep -q "ended 05-05" <<<"$frame"; then ok; else fail "demo snapshot: header"; grep -m1 "春季" <<<"$frame"; fi
"$bin" init shop >/dev/null || fail "init"
# One simulated day: the bars come from the plan (the whole campaign took 45 s of CPU in a debug build).
frame=$("$bin" shop.yaml --snapshot 120x40 --days 1)
bars=$(grep -cE '▒|◆' <<<"$frame")
if [ "$bars" -ge 5 ]; then ok; else fail "init plan snapshot 120x40: only $bars rows with bars"; echo "$frame" | head -40; fi

# 80×24: the demo opens early in the campaign; the chart starts with it.
start_dashboard 80 24
bars_on "opening view at 80x24" "项目启动会"
axis_readable "day axis at 80x24"
keys "["
expect "week axis" "2 Gantt · weeks" 5
axis_readable "week axis at 80x24"
bars_on "week axis at 80x24 shows the plan" "项目启动会"
keys l l l "]"
expect "back to the day axis" "2 Gantt · days" 5
axis_readable "day axis after scrolling the week axis"
bars_on "] after scrolling shows the plan" "项目启动会"

# Enter opens the selected task's card; Esc closes it.
keys Enter
expect "task card" "╭─ Task" 5
expect "card lists what waits for the task" "Waited for by:" 3
keys Escape
if screen | grep -q "Waited for by:"; then fail "Esc closes the task card"; else ok; fi
keys q

# 200×60: the whole 65-day campaign fits; the first and the last task both show.
start_dashboard 200 60
bars_on "opening view at 200x60: kickoff" "项目启动会"
bars_on "opening view at 200x60: the close milestone" "项目结项"
axis_readable "day axis at 200x60"
keys "["
axis_readable "week axis at 200x60"
keys q

# An editable plan at 80×24: warmup (the 10th line: the phase, 7 tasks, the
# next phase, launch-event, then warmup) moved two weeks later leaves the
# 25 days on screen; the chart follows it.
start_dashboard 80 24 shop.yaml --speed 1
keys j j j j j j j j
expect "warmup selected" "warmup:" 5
keys S-Right S-Right
expect "moved" "warmup 1 week later" 5
bars_on "a moved task stays on screen" "会员预热"
keys q
expect "asked about the unsaved edit" "discard" 5
keys d
sleep 0.5

echo "gantt: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
