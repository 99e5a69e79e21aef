#!/usr/bin/env bash
# End-to-end test of the dashboard in a real terminal (tmux): start it, Tab
# through the panes, open a persona card, scroll the Gantt, see the scripted
# incidents arrive, acknowledge an anomaly, resize below the minimum and back,
# quit with q; then a second run killed with SIGTERM. After each run `stty -a`
# in that pane must show icanon and echo (the terminal was restored).
# Usage: Tests/e2e/dashboard.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: dashboard.sh PATH/TO/campaign-deck}")
# E2E_SESSION_PREFIX starts the tmux sessions' names, for runs beside others.
session="${E2E_SESSION_PREFIX:-}deck-e2e-$$"
main_session=$session
state=$(mktemp -d)
cleanup() {
  for name in "$main_session" "$main_session-mono" "$main_session-help" "$main_session-locale"; do tmux kill-session -t "$name" 2>/dev/null; done
  rm -rf "$state"
}
trap cleanup EXIT

source "$(dirname "$0")/tmux_lib.sh"

tmux new-session -d -s "$session" -x 120 -y 40 "env XDG_STATE_HOME='$state' TERM=xterm-256color bash --norc --noprofile"
sleep 0.5
tmux send-keys -t "$session" "'$bin'" Enter
expect "header" "春季会员焕新季" 15
expect "panes drawn" "1 Segments"

# Tab through the panes: the focused one gets the heavy border.
for title in "2 Gantt" "3 KPIs" "4 Anomaly log" "1 Segments"; do
  tmux send-keys -t "$session" Tab
  expect "Tab focuses $title" "┏━ $title" 3
done

# Persona card of the first segment.
tmux send-keys -t "$session" Enter
expect "persona card" "Pain points:" 3
tmux send-keys -t "$session" Escape
sleep 0.3
if screen | grep -q "Pain points:"; then fail "Esc closes the persona card"; else ok; fi

# The demo catches up to just before the CPA spike: the creative-fatigue and
# community anomalies are in the log, then search's CPA fires live.
expect "creative fatigue in the anomaly log" "CTR below 1%" 90
expect "community decay in the anomaly log" "Community DAU" 30
# On search's row: the total row fires first, for the community rule.
expect_row "CPA spike fires in the KPI pane" "search .*▲ FIRING" 90
expect "CPA spike in the anomaly log" "CPA 30% over" 10

# Scroll the Gantt a week earlier: the axis labels move. (By now the demo is
# late in the campaign and the chart ends with it: it cannot go later.)
tmux send-keys -t "$session" 2
sleep 0.3
before=$(screen | grep -m1 -oE "[0-9]{2}-[0-9]{2}  [0-9]{2}-[0-9]{2}")
tmux send-keys -t "$session" h
sleep 0.5
after=$(screen | grep -m1 -oE "[0-9]{2}-[0-9]{2}  [0-9]{2}-[0-9]{2}")
if [ -n "$before" ] && [ "$before" != "$after" ]; then ok; else fail "Gantt scroll ('$before' → '$after')"; fi

# Acknowledge the newest anomaly from the keyboard.
tmux send-keys -t "$session" 4 a
expect "acknowledged" "acknowledged" 5

# y copies the selected anomaly row through OSC 52: the sequence is in what
# the dashboard wrote to the terminal, and its text is the row, whole.
tmux pipe-pane -t "$session" -o "cat > '$state/raw-output'"
tmux send-keys -t "$session" y
expect "the status line says what was copied" "copied the selected row" 3
tmux pipe-pane -t "$session"
copied=$(python3 - "$state/raw-output" <<'PY'
import base64, re, sys
found = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", open(sys.argv[1], "rb").read())
print(base64.b64decode(found[-1]).decode() if found else "")
PY
)
if grep -q "CPA 30% over benchmark" <<<"$copied" && ! grep -q "…" <<<"$copied"; then ok; else fail "y: OSC 52 with the whole row ('$copied')"; fi

# Sort the anomaly log by STATUS (the fifth column: > five times), reverse it.
tmux send-keys -t "$session" ">>>>>"
expect "sorted by STATUS, head marked" "STATUS▼" 3
tmux send-keys -t "$session" I
expect "reversed" "STATUS▲" 3
tmux send-keys -t "$session" ">"
sleep 0.3
if screen | grep -qE "STATUS[▲▼]"; then fail "the next column took the sort from STATUS"; else ok; fi
tmux send-keys -t "$session" ">"
expect "back to the log's own order" "in the pane's own order" 3

# Pause: the header says so.
tmux send-keys -t "$session" p
expect "paused" "paused" 3

# Too small, then back.
tmux resize-window -t "$session" -x 60 -y 20
expect "too small message" "terminal too small" 5
tmux resize-window -t "$session" -x 120 -y 40
expect "panes back after resize" "1 Segments" 5

tmux send-keys -t "$session" q
sleep 1
terminal_restored "quit with q"

# The acknowledgement is durable: the anomalies command sees it.
if XDG_STATE_HOME="$state" "$bin" anomalies list --format csv 2>/dev/null | grep -q acknowledged; then ok; else
  failed=$((failed + 1)); echo "FAIL acknowledged anomaly not in the database"; fi
# Signed by the person at the keyboard ($USER, else the login name), never
# "dashboard"; acknowledging takes no ownership (the owner stays empty).
acked=$(XDG_STATE_HOME="$state" "$bin" anomalies list --status acknowledged --format csv 2>/dev/null | sed -n 2p | cut -d, -f1)
me="${USER:-$(id -un)}"
if XDG_STATE_HOME="$state" "$bin" anomalies show "$acked" --format csv 2>/dev/null | tail -1 | grep -q ",wall,$me,event,acknowledged\$"; then ok; else
  failed=$((failed + 1)); echo "FAIL the acknowledgement of #$acked is not signed '$me' in wall time"; fi
if XDG_STATE_HOME="$state" "$bin" anomalies show "$acked" --format json 2>/dev/null | grep -q '"owner": null'; then ok; else
  failed=$((failed + 1)); echo "FAIL acknowledging #$acked set an owner"; fi

# Second run, killed with SIGTERM.
tmux send-keys -t "$session" "'$bin' --start-at none" Enter
expect "second run up" "1 Segments" 15
pkill -TERM -f "^$bin --start-at none" || fail "no process to kill"
sleep 1
terminal_restored "SIGTERM"

# The selected row is in reverse video (SGR 7) with no colour at all, on a
# vt100, at the smallest and a large size; under it the late and firing
# marks stay. `capture-pane -e` writes each cell's attributes as escapes.
# The data: the demo plan and its simulated 2026-04-19, a day when tasks are
# late (sms-reactivation was due 04-12) and the community rule fires.
"$bin" init "$state/deck" >/dev/null
"$bin" simulate --from 2026-04-19 --days 1 > "$state/day.jsonl"
reversed() { grep -qE $'\e\\[([0-9]+;)*7(;[0-9]+)*m'; }
plain() { sed $'s/\e\\[[0-9;]*m//g'; }
# selected_line: the captured line (with escapes) where a pane's left border
# carries ▶ (below the header, which may say "▶ replay").
selected_line() { tmux capture-pane -p -e -t "$session" | tail -n +2 | grep -F "▶"; }
for size in 80x24 200x60; do
  session="$main_session-mono"
  tmux new-session -d -s "$session" -x "${size%x*}" -y "${size#*x}" -c "$state" \
    "env XDG_STATE_HOME='$state' NO_COLOR=1 TERM=vt100 bash --norc --noprofile"
  sleep 0.5
  tmux send-keys -t "$session" "'$bin' deck.yaml --events day.jsonl" Enter
  expect "$size vt100 up" "stream ended" 30
  expect "$size vt100: the community anomaly" "Community" 10
  for pane in 1 2 3 4; do
    tmux send-keys -t "$session" "$pane"
    sleep 0.5
    line=$(selected_line)
    if [ -n "$line" ] && reversed <<<"$line"; then ok; else fail "$size NO_COLOR vt100 pane $pane: no reversed selected row ('$line')"; fi
  done
  # The anomaly log's selected row is the open (firing) anomaly (at 80 columns
  # the OPENED column gives way so WHAT and STATUS keep their room).
  if selected_line | plain | grep -qE "▶ *1 (04-20 00:00 +)?Community"; then ok; else fail "$size: selected anomaly row"; fi
  # A late task keeps its ! while selected: step down the Gantt until the
  # selected row is one marked !.
  tmux send-keys -t "$session" 2 g
  found=
  for _ in $(seq 1 30); do
    if selected_line | plain | grep -qF "▶!"; then found=1; break; fi
    tmux send-keys -t "$session" j
    sleep 0.2
  done
  if [ -n "$found" ] && selected_line | reversed; then ok; else fail "$size: no selected late task keeping its !"; fi
  # PgDn and PgUp reach the help on a vt100 too (the terminal sends xterm's
  # sequences, which the vt100 entry lacks): a page down is 19 lines at 80×24
  # (20 lines in view, one kept), and no Esc is read out of them.
  if [ "$size" = 80x24 ]; then
    tmux send-keys -t "$session" "?"
    expect "80x24 vt100 help" "Esc or ? closes this" 5
    tmux send-keys -t "$session" NPage
    expect "80x24 vt100 PgDn scrolls the help" "↑ 19 more" 3
    tmux send-keys -t "$session" PPage
    sleep 0.3
    if screen | grep -q "Esc or ? closes this" && ! screen | grep -q "↑ [0-9]* more"; then ok; else
      fail "80x24 vt100 PgUp back to the top"; fi
    tmux send-keys -t "$session" Escape
    sleep 0.3
  fi
  tmux send-keys -t "$session" q
  sleep 1
  terminal_restored "$size vt100 quit"
  tmux kill-session -t "$session"
done

# The help scrolls: more below at the top, the legend of symbols at the end
# (G or PgDn), back to the top (g); nothing cut with … at 80×24.
for size in 80x24 200x60; do
  session="$main_session-help"
  tmux new-session -d -s "$session" -x "${size%x*}" -y "${size#*x}" \
    "env XDG_STATE_HOME='$state' TERM=xterm-256color bash --norc --noprofile"
  sleep 0.5
  tmux send-keys -t "$session" "'$bin' --start-at none" Enter
  expect "$size help: dashboard up" "1 Segments" 15
  # Paused, the header shows no event rate.
  tmux send-keys -t "$session" p
  expect "$size paused" "❚❚ paused" 5
  if screen | head -1 | grep -q "ev/s"; then fail "$size: paused header still shows a rate"; else ok; fi
  tmux send-keys -t "$session" "?"
  expect "$size help open" "Esc or ? closes this" 5
  expect "$size help: more below" "more ─╯" 3
  if screen | grep -q "↑ [0-9]* more"; then fail "$size help: nothing is above the top"; else ok; fi
  for _ in $(seq 1 12); do tmux send-keys -t "$session" NPage; done
  expect "$size help: the legend's last symbol at the end" "↺          anomalies: still open, but the value is back to normal" 3
  expect "$size help: more above" "more ─╮" 3
  # At 80 columns the critical path's line (11 columns of symbol, 62 of text)
  # is one too long for the box's 72: its last word wraps under the text column.
  if [ "$size" = 80x24 ]; then
    if screen | grep -A1 -F "a day late here is a day late at the" | tail -1 | grep -qE "│ {12}end +│"; then ok; else
      fail "80x24 help: the critical path's line does not wrap"; fi
  fi
  if screen | grep -q "↓ [0-9]* more"; then fail "$size help: nothing is below the end"; else ok; fi
  tmux send-keys -t "$session" k
  expect "$size help: k scrolls back a line" "↓ 1 more" 3
  for _ in $(seq 1 12); do tmux send-keys -t "$session" PPage; done
  expect "$size help: PgUp goes back to the top" "Esc or ? closes this" 3
  if screen | grep -q "↑ [0-9]* more"; then fail "$size help: back at the top"; else ok; fi
  tmux send-keys -t "$session" Escape
  sleep 0.3
  if screen | grep -q "Esc or ? closes this"; then fail "$size help: Esc closes it"; else ok; fi
  tmux send-keys -t "$session" q
  sleep 1
  tmux kill-session -t "$session"
done
session=$main_session

# No terminal: a clear error pointing at the headless commands. (The test's own
# state folder: the user's demo database may belong to another version.)
if out=$(XDG_STATE_HOME="$state" "$bin" </dev/null 2>&1 >/dev/null); [ $? -ne 0 ] && grep -q "plan show" <<<"$out"; then ok; else
  failed=$((failed + 1)); echo "FAIL no-terminal message: $out"; fi
# A locale that is not UTF-8 (LANG=C): ASCII borders, English, and a word on what to
# set, instead of `?` borders; a UTF-8 locale that is not installed
# (zh_CN.UTF-8 on a minimal system) still draws Chinese (C.UTF-8 underneath).
session="$main_session-locale"
tmux new-session -d -s "$session" -x 120 -y 40 -c "$state" \
  "env XDG_STATE_HOME='$state' TERM=xterm-256color LC_ALL= LC_CTYPE= LANG=C bash --norc --noprofile"
sleep 0.5
tmux send-keys -t "$session" "'$bin' deck.yaml --events day.jsonl" Enter
expect "LANG=C: ASCII borders" "+- 1 Segments" 30
expect "LANG=C: says what to set" "needs LANG=C.UTF-8" 5
if screen | grep -q "[│┃─━]"; then fail "LANG=C: box drawing left on screen"; else ok; fi
tmux send-keys -t "$session" q
sleep 0.5
# (CAMPAIGN_DECK_LANG emptied: CI exports it as en for the English scripts.)
tmux send-keys -t "$session" "clear; CAMPAIGN_DECK_LANG= LANG=zh_CN.UTF-8 '$bin' deck.yaml --events day.jsonl" Enter
# (and zh_CN asks for the Chinese interface: the segments' head says 客群)
expect "a missing UTF-8 locale still draws Chinese" "┃客群" 30
if screen | grep -q "高价值老客"; then ok; else fail "zh_CN.UTF-8 (not installed): Chinese names drawn"; fi
tmux send-keys -t "$session" q
tmux kill-session -t "$session" 2>/dev/null

if out=$(XDG_STATE_HOME="$state" TERM=dumb script -qec "'$bin'" /dev/null 2>&1); grep -q "terminal" <<<"$out"; then ok; else
  failed=$((failed + 1)); echo "FAIL TERM=dumb message: $out"; fi

echo "dashboard: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
